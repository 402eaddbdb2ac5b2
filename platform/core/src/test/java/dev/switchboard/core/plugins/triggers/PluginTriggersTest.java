package dev.switchboard.core.plugins.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.schema.Field;
import dev.switchboard.api.trigger.Trigger;
import dev.switchboard.api.trigger.TriggerType;
import dev.switchboard.core.events.EventCatalog;
import dev.switchboard.core.events.EventType;
import dev.switchboard.core.plugins.registry.ExtensionScanner;
import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginTriggersTest {

    public record Received(@Field(maxLength = 10) String body, @Field(required = true) String source) {
    }

    @Trigger(event = "webhook.received", name = "Webhook received", payload = Received.class)
    public static final class Good implements TriggerType {
    }

    public record Counted(int count, String contactId) {
    }

    @Trigger(event = "contact.created", name = " ", payload = Counted.class)
    public static final class Bad implements TriggerType {
    }

    private static ExtensionScanner.Declared declared(Class<?> type) {
        Trigger trigger = type.getAnnotation(Trigger.class);
        return new ExtensionScanner.Declared(TriggerType.class, trigger.event(), trigger, type);
    }

    @Test
    void aWellFormedTriggerPasses() {
        assertThat(new PluginTriggers().check(declared(Good.class))).isEmpty();
    }

    @Test
    void aTriggerIsRefusedForEachThingWrongWithIt() {
        assertThat(new PluginTriggers().check(declared(Bad.class)))
                .anySatisfy(problem -> assertThat(problem).contains("one of the platform's own event types"))
                .anySatisfy(problem -> assertThat(problem).contains("the name is empty"))
                .anySatisfy(problem -> assertThat(problem).contains("count is a int"))
                .anySatisfy(problem -> assertThat(problem).contains("may not have a component 'contactId'"))
                .hasSize(4);
    }

    @Test
    void thePayloadSchemaIsTheRecordsWithTheHostsContactIdAndNothingElse() {
        EventType type = new EventType("webhook.received", 1, "",
                PluginTriggers.payloadSchema(Received.class).toString());
        EventCatalog catalog = new EventCatalog(List.of(() -> List.of(type)));

        catalog.check(type, Json.createObjectBuilder().add("source", "shop").add("body", "short")
                .add("contactId", "0f9c3c52-4a4e-4c8f-9d55-3f2f6a0e7b11").build());
        assertThatThrownBy(() -> catalog.check(type, Json.createObjectBuilder().add("source", "shop")
                .add("body", "much too long").build())).hasMessageContaining("body");
        assertThatThrownBy(() -> catalog.check(type, Json.createObjectBuilder().add("source", "shop")
                .add("extra", "x").build())).hasMessageContaining("extra");
        assertThatThrownBy(() -> catalog.check(type, Json.createObjectBuilder().add("body", "x").build()))
                .hasMessageContaining("source");
    }
}
