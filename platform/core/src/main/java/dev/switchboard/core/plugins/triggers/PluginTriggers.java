package dev.switchboard.core.plugins.triggers;

import dev.switchboard.api.trigger.Trigger;
import dev.switchboard.api.trigger.TriggerType;
import dev.switchboard.core.events.EventCatalog;
import dev.switchboard.core.events.EventType;
import dev.switchboard.core.events.EventTypeSource;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.plugins.Plugins;
import dev.switchboard.core.plugins.registry.Extension;
import dev.switchboard.core.plugins.registry.ExtensionCheck;
import dev.switchboard.core.plugins.registry.ExtensionRegistry;
import dev.switchboard.core.plugins.registry.ExtensionScanner;
import dev.switchboard.core.plugins.schema.RecordSchemas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The event types the active plugins declare ({@code @Trigger} on a {@link TriggerType} class): offered
 * to the {@link EventCatalog}, so workflows can start on them and the outbox checks their payloads,
 * and checked when a plugin declares them (the name's form, no platform type's name, text payloads).
 */
@ApplicationScoped
public class PluginTriggers implements ExtensionCheck, EventTypeSource {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    /** Longest event type name. */
    public static final int MAX_NAME = 100;
    /** The payload member the host fills from {@code emit}'s contact, never the plugin's record. */
    public static final String CONTACT_ID = "contactId";

    @Inject
    Plugins plugins;

    @Override
    public Class<?> point() {
        return TriggerType.class;
    }

    @Override
    public List<String> check(ExtensionScanner.Declared extension) {
        Trigger trigger = (Trigger) extension.descriptor();
        String where = "trigger '" + trigger.event() + "' (" + extension.type().getName() + ")";
        List<String> problems = new ArrayList<>();
        if (!NAME.matcher(trigger.event()).matches() || trigger.event().length() > MAX_NAME) {
            problems.add(where + ": the event type must look like 'area.happened' (lower case, dots), at most "
                    + MAX_NAME + " characters");
        }
        if (EventCatalog.isPlatformType(trigger.event())) {
            problems.add(where + ": '" + trigger.event() + "' is one of the platform's own event types");
        }
        if (trigger.name().isBlank()) {
            problems.add(where + ": the name is empty");
        }
        for (RecordComponent component : trigger.payload().getRecordComponents()) {
            if (component.getType() != String.class) {
                problems.add(where + ": payload component " + component.getName() + " is a "
                        + component.getType().getSimpleName() + "; events carry text, so every component is a String");
            }
            if (component.getName().equals(CONTACT_ID)) {
                problems.add(where + ": the payload may not have a component '" + CONTACT_ID
                        + "': the host sets it from emit's contact");
            }
        }
        return problems;
    }

    /** None before the plugins have started. */
    @Override
    public Collection<EventType> types() {
        ExtensionRegistry registry = plugins.registry();
        return registry == null ? List.of()
                : registry.extensions(TriggerType.class).stream().map(PluginTriggers::eventType).toList();
    }

    /** The event type {@code event} as plugin {@code pluginId} declares it, if it does. */
    public Optional<EventType> declaredBy(String pluginId, String event) {
        ExtensionRegistry registry = plugins.registry();
        return registry == null ? Optional.empty() : registry.generation(pluginId)
                .flatMap(generation -> generation.find(TriggerType.class, event)).map(PluginTriggers::eventType);
    }

    /**
     * The platform's view of a declared trigger: version 1, its payload schema that of the payload
     * record (text members, none other allowed) with the host's optional {@code contactId}.
     */
    static EventType eventType(Extension extension) {
        Trigger trigger = extension.descriptor(Trigger.class);
        String description = trigger.description().isBlank() ? trigger.name() : trigger.description();
        return new EventType(trigger.event(), 1, description, payloadSchema(trigger.payload()).toString());
    }

    static JsonObject payloadSchema(Class<?> payload) {
        JsonObject record = RecordSchemas.of(payload);
        JsonObjectBuilder properties = Json.createObjectBuilder(record.containsKey("properties")
                ? record.getJsonObject("properties") : JsonObject.EMPTY_JSON_OBJECT);
        properties.add(CONTACT_ID, Json.createObjectBuilder().add("type", "string")
                .add("pattern", "^[0-9a-f-]{36}$"));
        JsonObjectBuilder schema = Json.createObjectBuilder(record).add("type", "object")
                .add("additionalProperties", false).add("properties", properties);
        return schema.build();
    }
}
