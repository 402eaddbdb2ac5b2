package dev.switchboard.core.crm.contacts;

import dev.switchboard.core.crm.Emails;
import dev.switchboard.core.crm.PhoneNumbers;
import dev.switchboard.core.crm.Tags;
import dev.switchboard.core.crm.fields.CustomFieldValues;
import dev.switchboard.core.crm.settings.CrmSettings;
import dev.switchboard.core.crm.settings.LocationCrmSettings;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.JsonInput;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Contact request bodies: which members a request may set, and each standard field read, checked and
 * normalised from a complete representation (a create, or a merge patch applied to the contact).
 */
final class ContactRequests {

    /** Members of a contact that a request cannot set. */
    static final Set<String> READ_ONLY = Set.of("id", "locationId", "createdAt", "updatedAt", "deletedAt");

    /**
     * Reads every standard field of a complete representation into {@code target} (absent members
     * clear the field), normalising emails, phones and tags.
     *
     * @param keepName the name to keep when the request does not set one; null to derive it from the
     *     first and last name
     */
    static void read(JsonInput input, ContactEntity target, CrmSettings crm, String keepName, Violations violations) {
        target.firstName = Texts.optional(input.string("firstName"), "/firstName", Contacts.MAX_NAME, violations);
        target.lastName = Texts.optional(input.string("lastName"), "/lastName", Contacts.MAX_NAME, violations);
        String name = Texts.optional(input.string("name"), "/name", Contacts.MAX_FULL_NAME, violations);
        target.name = name != null ? name : keepName != null ? keepName : derivedName(target.firstName, target.lastName);
        target.email = Emails.normalize(input.string("email"), "/email", violations);
        target.additionalEmails = new ArrayList<>();
        List<String> emails = input.strings("additionalEmails", Contacts.MAX_ADDITIONAL);
        for (int i = 0; emails != null && i < emails.size(); i++) {
            String email = Emails.normalize(emails.get(i), "/additionalEmails/" + i, violations);
            if (email != null && !email.equals(target.email) && !target.additionalEmails.contains(email)) {
                target.additionalEmails.add(email);
            }
        }
        target.phone = PhoneNumbers.normalize(input.string("phone"), crm.country(), "/phone", violations);
        target.additionalPhones = new ArrayList<>();
        List<String> phones = input.strings("additionalPhones", Contacts.MAX_ADDITIONAL);
        for (int i = 0; phones != null && i < phones.size(); i++) {
            String phone = PhoneNumbers.normalize(phones.get(i), crm.country(), "/additionalPhones/" + i, violations);
            if (phone != null && !phone.equals(target.phone) && !target.additionalPhones.contains(phone)) {
                target.additionalPhones.add(phone);
            }
        }
        target.companyName = Texts.optional(input.string("companyName"), "/companyName", Contacts.MAX_COMPANY_NAME, violations);
        target.companyId = input.uuid("companyId");
        target.address1 = Texts.optional(input.string("address1"), "/address1", Contacts.MAX_ADDRESS, violations);
        target.city = Texts.optional(input.string("city"), "/city", Contacts.MAX_PLACE, violations);
        target.state = Texts.optional(input.string("state"), "/state", Contacts.MAX_PLACE, violations);
        target.postalCode = Texts.optional(input.string("postalCode"), "/postalCode", Contacts.MAX_POSTAL_CODE, violations);
        String country = input.string("country");
        target.country = null;
        if (country != null && !country.isBlank()) {
            String code = country.trim().toUpperCase(Locale.ROOT);
            if (PhoneNumbers.knownCountry(code)) {
                target.country = code;
            } else {
                violations.field("country", Texts.quote(country) + " is not an ISO 3166 country code such as US or GB");
            }
        }
        String timezone = input.string("timezone");
        target.timezone = timezone == null || timezone.isBlank() ? null
                : LocationCrmSettings.checkTimezone(timezone, "/timezone", violations);
        String website = Texts.optional(input.string("website"), "/website", Contacts.MAX_WEBSITE, violations);
        if (website != null && !CustomFieldValues.isWebAddress(website.contains("://") ? website : "https://" + website)) {
            violations.field("website", Texts.quote(website) + " is not a web address");
        }
        target.website = website;
        LocalDate born = input.date("dateOfBirth");
        if (born != null && (born.isAfter(LocalDate.now(ZoneOffset.UTC)) || born.getYear() < 1800)) {
            violations.field("dateOfBirth", "must be between 1800-01-01 and today");
        }
        target.dateOfBirth = born;
        target.source = Texts.optional(input.string("source"), "/source", Contacts.MAX_SOURCE, violations);
        target.assignedTo = input.uuid("assignedTo");
        List<String> tags = input.strings("tags", Tags.MAX_PER_CONTACT);
        target.tags = new ArrayList<>();
        for (int i = 0; tags != null && i < tags.size(); i++) {
            String tag = Tags.normalize(tags.get(i), "/tags/" + i, violations);
            if (!target.tags.contains(tag)) {
                target.tags.add(tag);
            }
        }
        Boolean dnd = input.bool("dnd");
        target.dnd = dnd != null && dnd;
        JsonInput channels = input.object("dndSettings");
        target.dndSms = channels != null && Boolean.TRUE.equals(channels.bool("sms"));
        target.dndEmail = channels != null && Boolean.TRUE.equals(channels.bool("email"));
        target.dndCall = channels != null && Boolean.TRUE.equals(channels.bool("call"));
        target.dndWhatsapp = channels != null && Boolean.TRUE.equals(channels.bool("whatsapp"));
        if (channels != null) {
            channels.finish();
        }
        JsonValue followers = input.value("followers");
        target.followers = new ArrayList<>();
        if (followers != null) {
            List<String> ids = input.strings("followers", Contacts.MAX_FOLLOWERS);
            for (int i = 0; ids != null && i < ids.size(); i++) {
                try {
                    UUID follower = UUID.fromString(ids.get(i).trim());
                    if (!target.followers.contains(follower)) {
                        target.followers.add(follower);
                    }
                } catch (IllegalArgumentException e) {
                    violations.at("/followers/" + i, Texts.quote(ids.get(i)) + " is not a user id");
                }
            }
        }
        if (target.firstName == null && target.lastName == null && target.name == null && target.email == null
                && target.phone == null && violations.isEmpty()) {
            violations.add(FieldError.general("a contact needs at least one of firstName, lastName, name, email, phone"));
        }
    }

    static JsonObject customFieldsOf(JsonInput input) {
        JsonValue custom = input.value("customFields");
        if (custom == null) {
            return null;
        }
        if (custom.getValueType() != JsonValue.ValueType.OBJECT) {
            input.violations().field("customFields", "customFields must be an object of values by field key");
            return null;
        }
        return custom.asJsonObject();
    }

    static void refuseReadOnly(JsonObject body, Violations violations) {
        if (body == null) {
            throw ProblemException.badRequest("the request body is empty; send a JSON object of the contact's fields");
        }
        // the id and timestamps of a representation may be sent back unchanged; changing them is refused
        for (String member : READ_ONLY) {
            if (body.containsKey(member) && body.get(member).getValueType() != JsonValue.ValueType.NULL
                    && !member.equals("id")) {
                violations.field(member, member + " is set by the platform and cannot be written");
            }
        }
    }

    static JsonObject withoutReadOnly(JsonObject body) {
        JsonObjectBuilder copy = Json.createObjectBuilder(body);
        READ_ONLY.forEach(copy::remove);
        return copy.build();
    }

    static JsonObject withoutCustomFields(JsonObject object) {
        return Json.createObjectBuilder(object).remove("customFields").build();
    }

    /**
     * What an upsert applies to the contact it matched: the request's members, with tags added to the
     * contact's (not replacing them).
     */
    static JsonObject upsertPatch(JsonObject body, Contact existing) {
        JsonObjectBuilder patch = Json.createObjectBuilder(withoutReadOnly(body));
        if (body.containsKey("tags") && body.get("tags").getValueType() == JsonValue.ValueType.ARRAY) {
            LinkedHashSet<JsonValue> tags = new LinkedHashSet<>();
            existing.tags().forEach(tag -> tags.add(Json.createValue(tag)));
            tags.addAll(body.getJsonArray("tags"));
            patch.add("tags", Json.createArrayBuilder(new ArrayList<>(tags)));
        }
        return patch.build();
    }

    static String derivedName(String firstName, String lastName) {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? null : name;
    }

    private ContactRequests() {
    }
}
