package dev.switchboard.core.crm.contacts;

import dev.switchboard.core.crm.history.History;
import dev.switchboard.core.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Contacts as JSON: the API's view of a row, the representation a merge patch applies to, and the
 * standard fields history compares.
 */
final class ContactJson {

    private ContactJson() {
    }

    static Contact view(ContactEntity c, Map<String, String> keysById) {
        JsonObjectBuilder custom = Json.createObjectBuilder();
        c.customFields.forEach((id, value) -> {
            String key = keysById.get(id);
            if (key != null) {
                custom.add(key, value);
            }
        });
        return new Contact(c.id, c.locationId, c.firstName, c.lastName, c.name, c.email, List.copyOf(c.additionalEmails),
                c.phone, List.copyOf(c.additionalPhones), c.companyName, c.companyId, c.address1, c.city, c.state,
                c.postalCode, c.country, c.timezone, c.website, c.dateOfBirth, c.source, c.assignedTo, List.copyOf(c.tags),
                c.dnd, new DndSettings(c.dndSms, c.dndEmail, c.dndCall, c.dndWhatsapp), custom.build(),
                List.copyOf(c.followers), c.createdAt, c.updatedAt, c.deletedAt);
    }

    /** The representation a merge patch applies to (what the API shows, members with no value left out). */
    static JsonObject json(Contact contact) {
        JsonObjectBuilder json = standardJson(contact.firstName(), contact.lastName(), contact.name(), contact.email(),
                contact.additionalEmails(), contact.phone(), contact.additionalPhones(), contact.companyName(),
                contact.companyId(), contact.address1(), contact.city(), contact.state(), contact.postalCode(),
                contact.country(), contact.timezone(), contact.website(), contact.dateOfBirth(), contact.source(),
                contact.assignedTo(), contact.tags(), contact.dnd(), contact.dndSettings(), contact.followers());
        json.add("customFields", contact.customFields());
        return json.build();
    }

    /** The standard fields history compares. */
    static JsonObject standardFields(ContactEntity c) {
        return standardJson(c.firstName, c.lastName, c.name, c.email, c.additionalEmails, c.phone, c.additionalPhones,
                c.companyName, c.companyId, c.address1, c.city, c.state, c.postalCode, c.country, c.timezone, c.website,
                c.dateOfBirth, c.source, c.assignedTo, c.tags, c.dnd, new DndSettings(c.dndSms, c.dndEmail, c.dndCall,
                        c.dndWhatsapp), c.followers).build();
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    static JsonObjectBuilder standardJson(String firstName, String lastName, String name, String email,
                                                  List<String> additionalEmails, String phone, List<String> additionalPhones,
                                                  String companyName, UUID companyId, String address1, String city,
                                                  String state, String postalCode, String country, String timezone,
                                                  String website, LocalDate dateOfBirth, String source, UUID assignedTo,
                                                  List<String> tags, boolean dnd, DndSettings dndSettings,
                                                  List<UUID> followers) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        putIfSet(json, "firstName", firstName);
        putIfSet(json, "lastName", lastName);
        putIfSet(json, "name", name);
        putIfSet(json, "email", email);
        json.add("additionalEmails", Json.createArrayBuilder(additionalEmails));
        putIfSet(json, "phone", phone);
        json.add("additionalPhones", Json.createArrayBuilder(additionalPhones));
        putIfSet(json, "companyName", companyName);
        putIfSet(json, "companyId", companyId);
        putIfSet(json, "address1", address1);
        putIfSet(json, "city", city);
        putIfSet(json, "state", state);
        putIfSet(json, "postalCode", postalCode);
        putIfSet(json, "country", country);
        putIfSet(json, "timezone", timezone);
        putIfSet(json, "website", website);
        putIfSet(json, "dateOfBirth", dateOfBirth);
        putIfSet(json, "source", source);
        putIfSet(json, "assignedTo", assignedTo);
        json.add("tags", Json.createArrayBuilder(tags));
        json.add("dnd", dnd);
        json.add("dndSettings", Json.createObjectBuilder().add("sms", dndSettings.sms()).add("email", dndSettings.email())
                .add("call", dndSettings.call()).add("whatsapp", dndSettings.whatsapp()));
        JsonArrayBuilder followerIds = Json.createArrayBuilder();
        followers.forEach(id -> followerIds.add(id.toString()));
        json.add("followers", followerIds);
        return json;
    }

    static void putIfSet(JsonObjectBuilder json, String name, Object value) {
        if (value != null) {
            json.add(name, value.toString());
        }
    }

    /** One change per standard field that differs (absent = null). */
    static List<History.FieldChange> diff(JsonObject before, JsonObject after) {
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<History.FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            JsonValue was = before.get(field);
            JsonValue is = after.get(field);
            if (!Objects.equals(was, is)) {
                changes.add(new History.FieldChange(field, was, is));
            }
        }
        return changes;
    }

    static String displayName(ContactEntity contact) {
        return contact.name != null ? contact.name : contact.email != null ? contact.email
                : contact.phone != null ? contact.phone : contact.id.toString();
    }
}
