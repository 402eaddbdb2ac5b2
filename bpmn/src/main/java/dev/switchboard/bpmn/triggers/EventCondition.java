package dev.switchboard.bpmn.triggers;

import dev.switchboard.bpmn.SwitchboardBpmn;
import dev.switchboard.bpmn.profile.ExpressionValues;
import dev.switchboard.bpmn.profile.Feel;
import dev.switchboard.core.crm.contacts.Contact;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowable.bpmn.model.ExtensionElement;

/**
 * A typed filter on an event: a FEEL condition ({@code <sb:condition>= …</sb:condition>}) that sees the
 * event's payload as {@code event}, with its JSON types kept ({@code event.value > 1000}), and the
 * event's contact as {@code contact} (read only when the condition mentions it). It holds when it is
 * {@code true}; {@code false} or null (a field the event left out) do not hold.
 */
public final class EventCondition {

    private static final Pattern EVENT_FIELD = Pattern.compile("(?<![\\w.])event\\s*\\.\\s*([A-Za-z_][A-Za-z0-9_]*)");

    private EventCondition() {
    }

    /** The text of the {@code <sb:condition>} among extension elements, if there is one. */
    public static Optional<String> of(Map<String, List<ExtensionElement>> elements) {
        return elements.getOrDefault(SwitchboardBpmn.CONDITION, List.of()).stream()
                .filter(element -> SwitchboardBpmn.NAMESPACE.equals(element.getNamespace()))
                .map(element -> element.getElementText() == null ? "" : element.getElementText().strip())
                .findFirst();
    }

    /**
     * What keeps the condition from being used with an event type whose payload has {@code fields}:
     * not written as {@code = …}, not FEEL, or naming a field the event type does not declare.
     *
     * @param fields the event type's fields; empty when it declares none (any field is accepted)
     */
    public static List<String> problems(String condition, String eventType, Set<String> fields) {
        if (!Feel.isExpression(condition)) {
            return List.of("<sb:condition> must be a FEEL expression written after '=', such as = event.value > 1000");
        }
        String source = Feel.source(condition);
        Optional<String> invalid = Feel.check(source);
        if (invalid.isPresent()) {
            return List.of("<sb:condition>: " + invalid.get());
        }
        List<String> problems = new ArrayList<>();
        if (!fields.isEmpty()) {
            Matcher field = EVENT_FIELD.matcher(source.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\""));
            Set<String> unknown = new TreeSet<>();
            while (field.find()) {
                if (!fields.contains(field.group(1))) {
                    unknown.add(field.group(1));
                }
            }
            if (!unknown.isEmpty()) {
                problems.add("<sb:condition> names event." + String.join(", event.", unknown) + ", which " + eventType
                        + " events do not carry; they carry " + new TreeSet<>(fields));
            }
        }
        return problems;
    }

    /**
     * Whether the event meets the condition.
     *
     * @param contacts finds the event's contact ({@code contactId}) when the condition mentions {@code contact}
     * @throws IllegalArgumentException when the condition fails or answers something other than true or false
     */
    public static boolean holds(String condition, JsonObject payload, Function<UUID, Optional<Contact>> contacts) {
        String source = Feel.source(condition);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("event", ExpressionValues.event(payload));
        if (source.contains("contact")) {
            Optional<Contact> contact = Optional.empty();
            if (payload.get("contactId") instanceof JsonString id) {
                try {
                    contact = contacts.apply(UUID.fromString(id.getString()));
                } catch (IllegalArgumentException notAnId) {
                    // the event names no contact: contact is null
                }
            }
            variables.put("contact", contact.map(ExpressionValues::contact).orElse(null));
        }
        return Feel.holds(source, variables);
    }
}
