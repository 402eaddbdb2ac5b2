package dev.switchboard.bpmn.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.crm.contacts.Contact;
import dev.switchboard.core.json.Json;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class EventConditionTest {

    private static final UUID CONTACT = UUID.fromString("5b0a3f7e-2a52-4c1b-9a55-1f0e7c3d2b11");
    private static final JsonObject WON = Json.createObjectBuilder().add("contactId", CONTACT.toString())
            .add("status", "won").add("monetaryValue", 1500.5).add("tags", Json.createArrayBuilder().add("vip")).build();
    private static final Function<UUID, Optional<Contact>> NO_CONTACTS = id -> Optional.empty();

    @Test
    void comparesTheEventsFieldsWithTheirTypes() {
        assertThat(EventCondition.holds("= event.monetaryValue > 1000", WON, NO_CONTACTS)).isTrue();
        assertThat(EventCondition.holds("= event.monetaryValue > 2000", WON, NO_CONTACTS)).isFalse();
        assertThat(EventCondition.holds("= list contains(event.tags, \"vip\") and event.status in [\"won\", \"lost\"]",
                WON, NO_CONTACTS)).isTrue();
    }

    @Test
    void aFieldTheEventLeftOutDoesNotMeetTheCondition() {
        assertThat(EventCondition.holds("= event.discount > 10", WON, NO_CONTACTS)).isFalse();
        assertThat(EventCondition.holds("= event.discount = null", WON, NO_CONTACTS)).isTrue();
    }

    @Test
    void readsTheContactOnlyWhenTheConditionMentionsIt() {
        Function<UUID, Optional<Contact>> refuse = id -> {
            throw new AssertionError("the contact was read");
        };
        assertThat(EventCondition.holds("= event.status = \"won\"", WON, refuse)).isTrue();
        // an unknown contact is null: its fields are missing, so a comparison does not hold
        assertThat(EventCondition.holds("= contact.firstName = \"Ada\"", WON, NO_CONTACTS)).isFalse();
    }

    @Test
    void aConditionThatIsNotTrueOrFalseIsAnError() {
        assertThatThrownBy(() -> EventCondition.holds("= event.monetaryValue + 1", WON, NO_CONTACTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gave 1501.5, not true or false");
        assertThatThrownBy(() -> EventCondition.holds("= matches(event.status, \"(a+)+$\")", WON, NO_CONTACTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("matches()");
    }

    @Test
    void namesFieldsTheEventTypeDoesNotDeclare() {
        Set<String> fields = Set.of("contactId", "status", "monetaryValue");
        assertThat(EventCondition.problems("= event.monetaryValue > 1 and event.status = \"event.x\"", "opportunity.status_changed",
                fields)).isEmpty();
        assertThat(EventCondition.problems("= event.amount > 1", "opportunity.status_changed", fields))
                .singleElement().asString().contains("names event.amount");
        assertThat(EventCondition.problems("= event.amount > 1", "plugin.thing", Set.of())).isEmpty();
        assertThat(EventCondition.problems("event.amount > 1", "plugin.thing", Set.of())).singleElement().asString()
                .contains("written after '='");
    }
}
