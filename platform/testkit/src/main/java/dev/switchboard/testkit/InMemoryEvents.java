package dev.switchboard.testkit;

import dev.switchboard.api.PluginException;
import dev.switchboard.api.host.Events;
import dev.switchboard.api.trigger.Trigger;
import dev.switchboard.core.plugins.schema.RecordValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The events service of the in-memory host: accepts only the event types of the {@code @Trigger}
 * classes it was given, checks each payload against the declared record as the platform does, and
 * keeps what was emitted for the test to read.
 */
public final class InMemoryEvents implements Events {

    /** One emitted event. */
    public record Emitted(String id, String type, String contactId, Map<String, String> payload) {
    }

    private final Map<String, Trigger> declared = new LinkedHashMap<>();
    private final List<Emitted> emitted = Collections.synchronizedList(new ArrayList<>());

    /** Events of the types declared by these {@code TriggerType} classes. */
    public InMemoryEvents(List<Class<?>> triggerTypes) {
        for (Class<?> type : triggerTypes) {
            Trigger trigger = type.getAnnotation(Trigger.class);
            if (trigger == null) {
                throw new IllegalArgumentException(type.getName() + " has no @Trigger");
            }
            declared.put(trigger.event(), trigger);
        }
    }

    @Override
    public String emit(String type, String contactId, Map<String, String> payload) throws PluginException {
        Trigger trigger = declared.get(type);
        if (trigger == null) {
            throw new PluginException("event type '" + type + "' is not declared by this plugin (declare it with "
                    + "@Trigger on a TriggerType class; in tests, pass the class to withTriggers)");
        }
        Map<String, String> values = new LinkedHashMap<>(payload == null ? Map.of() : payload);
        values.values().removeIf(value -> value == null);
        if (values.containsKey("contactId")) {
            throw new PluginException("the payload of " + type + " names 'contactId'; pass the contact as emit's contactId");
        }
        Set<String> components = new HashSet<>();
        for (var component : trigger.payload().getRecordComponents()) {
            components.add(component.getName());
        }
        for (String name : values.keySet()) {
            if (!components.contains(name)) {
                throw new PluginException("the event does not fit its declaration: '" + name + "' is not a component of "
                        + trigger.payload().getSimpleName());
            }
        }
        List<String> problems = RecordValues.validate(trigger.payload(), values);
        if (!problems.isEmpty()) {
            throw new PluginException("the event does not fit its declaration: " + String.join("; ", problems));
        }
        Emitted event = new Emitted(UUID.randomUUID().toString(), type, contactId, Map.copyOf(values));
        emitted.add(event);
        return event.id();
    }

    /** What was emitted, in order. */
    public List<Emitted> emitted() {
        synchronized (emitted) {
            return List.copyOf(emitted);
        }
    }
}
