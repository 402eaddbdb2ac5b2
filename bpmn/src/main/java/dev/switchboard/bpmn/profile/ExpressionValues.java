package dev.switchboard.bpmn.profile;

import dev.switchboard.core.crm.contacts.Contact;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform's data as FEEL expressions see it: plain text, numbers, booleans, lists and maps, so
 * that {@code contact.firstName}, {@code contact.customFields.score} and {@code event.value} mean the
 * same in a trigger's condition, a wait's condition and a gateway's.
 */
public final class ExpressionValues {

    private ExpressionValues() {
    }

    /** The contact as expressions see it: its standard fields, tags, and custom fields by key, as plain values. */
    public static Map<String, Object> contact(Contact contact) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", contact.id().toString());
        fields.put("firstName", contact.firstName());
        fields.put("lastName", contact.lastName());
        fields.put("name", contact.name());
        fields.put("email", contact.email());
        fields.put("phone", contact.phone());
        fields.put("companyName", contact.companyName());
        fields.put("city", contact.city());
        fields.put("state", contact.state());
        fields.put("postalCode", contact.postalCode());
        fields.put("country", contact.country());
        fields.put("timezone", contact.timezone());
        fields.put("website", contact.website());
        fields.put("source", contact.source());
        fields.put("dateOfBirth", contact.dateOfBirth() == null ? null : contact.dateOfBirth().toString());
        fields.put("assignedTo", contact.assignedTo() == null ? null : contact.assignedTo().toString());
        fields.put("dnd", contact.dnd());
        fields.put("tags", List.copyOf(contact.tags()));
        Map<String, Object> custom = new LinkedHashMap<>();
        contact.customFields().forEach((key, value) -> custom.put(key, plain(value)));
        fields.put("customFields", custom);
        return fields;
    }

    /** A JSON value as the plain Java value an expression works with. */
    public static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case ARRAY -> value.asJsonArray().stream().map(ExpressionValues::plain).toList();
            case OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                value.asJsonObject().forEach((key, member) -> object.put(key, plain(member)));
                yield object;
            }
            case NULL -> null;
        };
    }

    /** An event's payload as expressions see it: its fields by name, with their JSON types kept. */
    public static Map<String, Object> event(JsonObject payload) {
        Map<String, Object> fields = new LinkedHashMap<>();
        payload.forEach((key, value) -> fields.put(key, plain(value)));
        return fields;
    }
}
