package dev.switchboard.core.crm.contacts;

import dev.switchboard.core.crm.Actor;
import dev.switchboard.core.crm.Emails;
import dev.switchboard.core.crm.PhoneNumbers;
import dev.switchboard.core.crm.Tags;
import dev.switchboard.core.crm.fields.CustomFieldValues;
import dev.switchboard.core.crm.fields.FieldModel;
import dev.switchboard.core.crm.history.History;
import dev.switchboard.core.crm.settings.CrmSettings;
import dev.switchboard.core.crm.settings.DuplicatePolicy;
import dev.switchboard.core.crm.settings.LocationCrmSettings;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.EntityMappings;
import dev.switchboard.core.db.Timestamps;
import dev.switchboard.core.events.EventCatalog;
import dev.switchboard.core.events.EventOutbox;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.JsonInput;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Contacts of one location: create (an upsert under the location's duplicate policy), read, change
 * by JSON merge patch, tag, delete (soft: restorable for {@value #RESTORABLE_DAYS} days) and restore.
 * Every change records its history and appends its events to the outbox in the same transaction.
 * Lists and search are in {@link ContactSearch}, merges in {@link ContactMerges}.
 */
@ApplicationScoped
public class Contacts {

    public static final int MAX_NAME = 200;
    public static final int MAX_FULL_NAME = 400;
    public static final int MAX_ADDITIONAL = 20;
    public static final int MAX_COMPANY_NAME = 200;
    public static final int MAX_ADDRESS = 500;
    public static final int MAX_PLACE = 200;
    public static final int MAX_POSTAL_CODE = 20;
    public static final int MAX_WEBSITE = 2_000;
    public static final int MAX_SOURCE = 200;
    public static final int MAX_FOLLOWERS = 50;
    /** How long a deleted contact can be restored before it is purged. */
    public static final int RESTORABLE_DAYS = 30;
    /** Members of a contact that a request cannot set. */
    private static final Set<String> READ_ONLY = Set.of("id", "locationId", "createdAt", "updatedAt", "deletedAt");

    /** A contact after an upsert, and whether it is new. */
    public record Upserted(Contact contact, boolean created) {
    }

    @PersistenceContext(unitName = EntityMappings.UNIT)
    EntityManager em;

    @Inject
    Database db;

    @Inject
    EventOutbox outbox;

    @Inject
    History history;

    @Inject
    CustomFieldValues customFieldValues;

    @Inject
    LocationCrmSettings settings;

    /**
     * Creates a contact, or, when the location's duplicate policy finds one with the same email or
     * phone, applies the request to that one: its fields are set, its tags and custom values added to.
     */
    @Transactional
    public Upserted create(LocationId locationId, JsonObject body, Actor actor) {
        CrmSettings crm = settings.of(locationId);
        Violations violations = new Violations();
        refuseReadOnly(body, violations);
        ContactEntity draft = new ContactEntity(UUID.randomUUID(), locationId.value(), now());
        JsonInput input = JsonInput.of(withoutReadOnly(body), violations);
        read(input, draft, crm, null, violations);
        JsonObject givenCustom = customFieldsOf(input);
        input.finish();
        violations.throwIfAny();
        Optional<ContactEntity> match = duplicateOf(locationId, crm.policy(), draft);
        if (match.isPresent()) {
            ContactEntity existing = match.get();
            JsonObject patch = upsertPatch(body, view(locationId, existing));
            return new Upserted(applyPatch(locationId, existing, patch, actor), false);
        }
        CustomFieldValues.Applied custom = customFieldValues.apply(locationId, FieldModel.CONTACT,
                JsonValue.EMPTY_JSON_OBJECT, givenCustom, true, crm.country(), "/customFields", violations);
        checkAssignable(locationId, draft, null, true, violations);
        violations.throwIfAny();
        draft.customFields = custom.stored();
        draft.refreshSearchText();
        em.persist(draft);
        em.flush();
        outbox.append(locationId, EventCatalog.CONTACT_CREATED, payload(draft.id).build());
        for (String tag : draft.tags) {
            outbox.append(locationId, EventCatalog.CONTACT_TAG_ADDED, payload(draft.id).add("tag", tag).build());
        }
        history.record(locationId, History.Subject.CONTACT, draft.id, draft.id, actor,
                List.of(new History.FieldChange("created", null, Json.createValue(displayName(draft)))));
        return new Upserted(view(locationId, draft), true);
    }

    public Optional<Contact> find(LocationId locationId, UUID contactId) {
        return live(locationId, contactId).map(contact -> view(locationId, contact));
    }

    /** A contact, also when it is deleted (for restore and for the trash). */
    public Optional<Contact> findAny(LocationId locationId, UUID contactId) {
        return entity(locationId, contactId).map(contact -> view(locationId, contact));
    }

    /** Changes a contact by a JSON merge patch (RFC 7396) of its representation. */
    @Transactional
    public Contact patch(LocationId locationId, UUID contactId, JsonObject patch, Actor actor) {
        ContactEntity contact = live(locationId, contactId).orElseThrow(() -> notFound(contactId));
        Violations violations = new Violations();
        refuseReadOnly(patch, violations);
        violations.throwIfAny();
        return applyPatch(locationId, contact, patch, actor);
    }

    /** Adds a tag; adding a tag the contact already has changes nothing and emits no event. */
    @Transactional
    public Contact addTag(LocationId locationId, UUID contactId, String rawTag, Actor actor) {
        return changeTags(locationId, contactId, rawTag, actor, true);
    }

    /** Removes a tag; removing one the contact does not have changes nothing. */
    @Transactional
    public Contact removeTag(LocationId locationId, UUID contactId, String rawTag, Actor actor) {
        return changeTags(locationId, contactId, rawTag, actor, false);
    }

    private Contact changeTags(LocationId locationId, UUID contactId, String rawTag, Actor actor, boolean add) {
        Violations violations = new Violations();
        String tag = Tags.normalize(rawTag, "/tag", violations);
        violations.throwIfAny();
        ContactEntity contact = live(locationId, contactId).orElseThrow(() -> notFound(contactId));
        List<String> tags = new ArrayList<>(contact.tags);
        boolean changed = add ? !tags.contains(tag) && tags.add(tag) : tags.remove(tag);
        if (!changed) {
            return view(locationId, contact);
        }
        if (tags.size() > Tags.MAX_PER_CONTACT) {
            throw ProblemException.invalid(FieldError.field("tag", "a contact has at most " + Tags.MAX_PER_CONTACT + " tags"));
        }
        JsonArrayBuilder patchTags = Json.createArrayBuilder();
        tags.forEach(patchTags::add);
        return applyPatch(locationId, contact, Json.createObjectBuilder().add("tags", patchTags).build(), actor);
    }

    /** Deletes a contact: it leaves every list and can be restored for {@value #RESTORABLE_DAYS} days. */
    @Transactional
    public void delete(LocationId locationId, UUID contactId, Actor actor) {
        ContactEntity contact = live(locationId, contactId).orElseThrow(() -> notFound(contactId));
        contact.deletedAt = now();
        contact.updatedAt = contact.deletedAt;
        em.flush();
        outbox.append(locationId, EventCatalog.CONTACT_DELETED, payload(contactId).build());
        history.record(locationId, History.Subject.CONTACT, contactId, contactId, actor,
                List.of(new History.FieldChange("deleted", null, Json.createValue(contact.deletedAt.toString()))));
    }

    /** Brings a deleted contact back, unless it was merged into another or has been purged. */
    @Transactional
    public Contact restore(LocationId locationId, UUID contactId, Actor actor) {
        ContactEntity contact = entity(locationId, contactId).orElseThrow(() -> notFound(contactId));
        if (contact.deletedAt == null) {
            return view(locationId, contact);
        }
        if (contact.mergedInto != null) {
            throw ProblemException.conflict("contact " + contactId + " was merged into " + contact.mergedInto
                    + " and cannot be restored");
        }
        Violations violations = new Violations();
        duplicateOf(locationId, settings.of(locationId).policy(), contact).ifPresent(other -> violations.add(
                FieldError.general("contact " + other.id + " now has the same email or phone; merge them instead")));
        if (!violations.isEmpty()) {
            throw ProblemException.conflict(violations.errors().get(0).detail());
        }
        contact.deletedAt = null;
        contact.updatedAt = now();
        em.flush();
        history.record(locationId, History.Subject.CONTACT, contactId, contactId, actor,
                List.of(new History.FieldChange("restored", null, Json.createValue(contact.updatedAt.toString()))));
        return view(locationId, contact);
    }

    /**
     * Hard-deletes contacts deleted before {@code cutoff}, with their notes, tasks and opportunities;
     * in a system scope (every location's trash at once). History rows stay.
     *
     * @return how many contacts were purged
     */
    @Transactional
    public int purgeDeletedBefore(OffsetDateTime cutoff, int batch) {
        List<UUID> ids = db.query("SELECT id FROM contact WHERE deleted_at < ? ORDER BY deleted_at LIMIT ? FOR UPDATE SKIP LOCKED",
                row -> row.getObject(1, UUID.class), cutoff, batch);
        if (ids.isEmpty()) {
            return 0;
        }
        UUID[] array = ids.toArray(UUID[]::new);
        db.update("DELETE FROM opportunity WHERE contact_id = ANY (?)", (Object) array);
        db.update("UPDATE contact SET merged_into = NULL WHERE merged_into = ANY (?)", (Object) array);
        return db.update("DELETE FROM contact WHERE id = ANY (?)", (Object) array);
    }

    // --- reading a request

    private Contact applyPatch(LocationId locationId, ContactEntity contact, JsonObject patch, Actor actor) {
        CrmSettings crm = settings.of(locationId);
        Violations violations = new Violations();
        Contact current = view(locationId, contact);
        JsonObject currentJson = json(current);
        JsonObject patched = Json.createMergePatch(withoutCustomFields(patch)).apply(withoutCustomFields(currentJson))
                .asJsonObject();
        JsonObject before = standardFields(contact);
        UUID companyBefore = contact.companyId;
        JsonObject given = null;
        if (patch.containsKey("customFields")) {
            JsonValue custom = patch.get("customFields");
            if (custom.getValueType() == JsonValue.ValueType.NULL) {
                JsonObjectBuilder clearAll = Json.createObjectBuilder();
                current.customFields().keySet().forEach(clearAll::addNull);
                given = clearAll.build();
            } else if (custom.getValueType() == JsonValue.ValueType.OBJECT) {
                given = custom.asJsonObject();
            } else {
                violations.field("customFields", "customFields must be an object of values by field key");
            }
        }
        boolean nameGiven = patch.containsKey("name");
        boolean nameWasDerived = contact.name == null || contact.name.equals(derivedName(contact.firstName, contact.lastName));
        if (!nameGiven && nameWasDerived) {
            // a name made of the first and last name follows them
            patched = Json.createObjectBuilder(patched).remove("name").build();
        }
        JsonInput input = JsonInput.of(withoutReadOnly(patched), violations);
        read(input, contact, crm, null, violations);
        input.value("customFields");
        input.finish();
        CustomFieldValues.Applied custom = customFieldValues.apply(locationId, FieldModel.CONTACT, contact.customFields,
                given, false, crm.country(), "/customFields", violations);
        checkAssignable(locationId, contact, companyBefore, patch.containsKey("companyName"), violations);
        violations.throwIfAny();
        contact.customFields = custom.stored();
        JsonObject after = standardFields(contact);
        List<History.FieldChange> changes = new ArrayList<>(diff(before, after));
        for (CustomFieldValues.Change change : custom.changes()) {
            changes.add(new History.FieldChange("customFields." + change.field().key(), change.before(), change.after()));
        }
        if (changes.isEmpty()) {
            em.refresh(contact);
            return view(locationId, contact);
        }
        Optional<ContactEntity> clash = duplicateOf(locationId, crm.policy(), contact).filter(other -> !other.id.equals(contact.id));
        if (clash.isPresent() && (!Objects.equals(before.get("email"), after.get("email"))
                || !Objects.equals(before.get("phone"), after.get("phone")))) {
            throw ProblemException.conflict("contact " + clash.get().id + " already has this email or phone"
                    + " (the location's duplicate policy is " + crm.duplicatePolicy() + "); merge them instead");
        }
        contact.updatedAt = now();
        contact.refreshSearchText();
        em.flush();
        emitChangeEvents(locationId, contact.id, before, after, custom.changes());
        history.record(locationId, History.Subject.CONTACT, contact.id, contact.id, actor, changes);
        return view(locationId, contact);
    }

    private void emitChangeEvents(LocationId locationId, UUID contactId, JsonObject before, JsonObject after,
                                  List<CustomFieldValues.Change> customChanges) {
        List<String> changedFields = new ArrayList<>();
        for (String field : after.keySet()) {
            if (!Objects.equals(before.get(field), after.get(field)) && !field.equals("tags")) {
                changedFields.add(field);
            }
        }
        if (!changedFields.isEmpty()) {
            outbox.append(locationId, EventCatalog.CONTACT_UPDATED,
                    payload(contactId).add("fields", Json.createArrayBuilder(changedFields)).build());
        }
        List<String> tagsBefore = strings(before.getJsonArray("tags"));
        List<String> tagsAfter = strings(after.getJsonArray("tags"));
        tagsAfter.stream().filter(tag -> !tagsBefore.contains(tag)).forEach(tag ->
                outbox.append(locationId, EventCatalog.CONTACT_TAG_ADDED, payload(contactId).add("tag", tag).build()));
        tagsBefore.stream().filter(tag -> !tagsAfter.contains(tag)).forEach(tag ->
                outbox.append(locationId, EventCatalog.CONTACT_TAG_REMOVED, payload(contactId).add("tag", tag).build()));
        if (!Objects.equals(before.get("dnd"), after.get("dnd")) || !Objects.equals(before.get("dndSettings"), after.get("dndSettings"))) {
            JsonObject dnd = after.getJsonObject("dndSettings");
            JsonArrayBuilder channels = Json.createArrayBuilder();
            dnd.forEach((channel, blocked) -> {
                if (blocked == JsonValue.TRUE || after.getBoolean("dnd")) {
                    channels.add(channel);
                }
            });
            outbox.append(locationId, EventCatalog.CONTACT_DND_CHANGED, payload(contactId)
                    .add("dnd", String.valueOf(after.getBoolean("dnd"))).add("channels", channels).build());
        }
        for (CustomFieldValues.Change change : customChanges) {
            JsonObjectBuilder event = payload(contactId).add("fieldId", change.field().id().toString())
                    .add("fieldKey", change.field().key());
            if (change.after() != null) {
                event.add("value", change.after() instanceof jakarta.json.JsonString text ? text.getString() : change.after().toString());
            }
            outbox.append(locationId, EventCatalog.CONTACT_CUSTOM_FIELD_CHANGED, event.build());
        }
    }

    /**
     * Reads every standard field of a complete representation into {@code target} (absent members
     * clear the field), normalising emails, phones and tags.
     *
     * @param keepName the name to keep when the request does not set one; null to derive it from the
     *     first and last name
     */
    private void read(JsonInput input, ContactEntity target, CrmSettings crm, String keepName, Violations violations) {
        target.firstName = Texts.optional(input.string("firstName"), "/firstName", MAX_NAME, violations);
        target.lastName = Texts.optional(input.string("lastName"), "/lastName", MAX_NAME, violations);
        String name = Texts.optional(input.string("name"), "/name", MAX_FULL_NAME, violations);
        target.name = name != null ? name : keepName != null ? keepName : derivedName(target.firstName, target.lastName);
        target.email = Emails.normalize(input.string("email"), "/email", violations);
        target.additionalEmails = new ArrayList<>();
        List<String> emails = input.strings("additionalEmails", MAX_ADDITIONAL);
        for (int i = 0; emails != null && i < emails.size(); i++) {
            String email = Emails.normalize(emails.get(i), "/additionalEmails/" + i, violations);
            if (email != null && !email.equals(target.email) && !target.additionalEmails.contains(email)) {
                target.additionalEmails.add(email);
            }
        }
        target.phone = PhoneNumbers.normalize(input.string("phone"), crm.country(), "/phone", violations);
        target.additionalPhones = new ArrayList<>();
        List<String> phones = input.strings("additionalPhones", MAX_ADDITIONAL);
        for (int i = 0; phones != null && i < phones.size(); i++) {
            String phone = PhoneNumbers.normalize(phones.get(i), crm.country(), "/additionalPhones/" + i, violations);
            if (phone != null && !phone.equals(target.phone) && !target.additionalPhones.contains(phone)) {
                target.additionalPhones.add(phone);
            }
        }
        target.companyName = Texts.optional(input.string("companyName"), "/companyName", MAX_COMPANY_NAME, violations);
        target.companyId = input.uuid("companyId");
        target.address1 = Texts.optional(input.string("address1"), "/address1", MAX_ADDRESS, violations);
        target.city = Texts.optional(input.string("city"), "/city", MAX_PLACE, violations);
        target.state = Texts.optional(input.string("state"), "/state", MAX_PLACE, violations);
        target.postalCode = Texts.optional(input.string("postalCode"), "/postalCode", MAX_POSTAL_CODE, violations);
        String country = input.string("country");
        target.country = null;
        if (country != null && !country.isBlank()) {
            String code = country.trim().toUpperCase(java.util.Locale.ROOT);
            if (PhoneNumbers.knownCountry(code)) {
                target.country = code;
            } else {
                violations.field("country", Texts.quote(country) + " is not an ISO 3166 country code such as US or GB");
            }
        }
        String timezone = input.string("timezone");
        target.timezone = timezone == null || timezone.isBlank() ? null
                : LocationCrmSettings.checkTimezone(timezone, "/timezone", violations);
        String website = Texts.optional(input.string("website"), "/website", MAX_WEBSITE, violations);
        if (website != null && !CustomFieldValues.isWebAddress(website.contains("://") ? website : "https://" + website)) {
            violations.field("website", Texts.quote(website) + " is not a web address");
        }
        target.website = website;
        LocalDate born = input.date("dateOfBirth");
        if (born != null && (born.isAfter(LocalDate.now(ZoneOffset.UTC)) || born.getYear() < 1800)) {
            violations.field("dateOfBirth", "must be between 1800-01-01 and today");
        }
        target.dateOfBirth = born;
        target.source = Texts.optional(input.string("source"), "/source", MAX_SOURCE, violations);
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
            List<String> ids = input.strings("followers", MAX_FOLLOWERS);
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

    private static JsonObject customFieldsOf(JsonInput input) {
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

    /**
     * Checks that the users and the company a contact refers to are the location's. A contact newly
     * linked to a company takes the company's name as its companyName when it has none, or when the
     * request leaves companyName alone and it was the name of the company linked before.
     */
    private void checkAssignable(LocationId locationId, ContactEntity contact, UUID companyBefore, boolean companyNameGiven,
                                 Violations violations) {
        Set<UUID> wanted = new LinkedHashSet<>(contact.followers);
        if (contact.assignedTo != null) {
            wanted.add(contact.assignedTo);
        }
        if (contact.companyId != null) {
            Optional<String> company = companyName(locationId, contact.companyId);
            if (company.isEmpty()) {
                violations.field("companyId", "no company " + contact.companyId + " in this location");
            } else if (!contact.companyId.equals(companyBefore) && (contact.companyName == null || !companyNameGiven
                    && companyBefore != null && contact.companyName.equals(companyName(locationId, companyBefore).orElse(null)))) {
                contact.companyName = company.get();
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        Set<UUID> assignable = new java.util.HashSet<>(db.query("SELECT switchboard_assignable_users()",
                row -> row.getObject(1, UUID.class)));
        if (contact.assignedTo != null && !assignable.contains(contact.assignedTo)) {
            violations.field("assignedTo", "no user " + contact.assignedTo + " with access to this location");
        }
        for (int i = 0; i < contact.followers.size(); i++) {
            if (!assignable.contains(contact.followers.get(i))) {
                violations.at("/followers/" + i, "no user " + contact.followers.get(i) + " with access to this location");
            }
        }
    }

    private Optional<String> companyName(LocationId locationId, UUID companyId) {
        return db.queryOne("SELECT name FROM company WHERE location_id = ? AND id = ?", row -> row.getString(1),
                locationId, companyId);
    }

    private static void refuseReadOnly(JsonObject body, Violations violations) {
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

    private static JsonObject withoutReadOnly(JsonObject body) {
        JsonObjectBuilder copy = Json.createObjectBuilder(body);
        READ_ONLY.forEach(copy::remove);
        return copy.build();
    }

    private static JsonObject withoutCustomFields(JsonObject object) {
        return Json.createObjectBuilder(object).remove("customFields").build();
    }

    /**
     * What an upsert applies to the contact it matched: the request's members, with tags added to the
     * contact's (not replacing them).
     */
    private static JsonObject upsertPatch(JsonObject body, Contact existing) {
        JsonObjectBuilder patch = Json.createObjectBuilder(withoutReadOnly(body));
        if (body.containsKey("tags") && body.get("tags").getValueType() == JsonValue.ValueType.ARRAY) {
            LinkedHashSet<JsonValue> tags = new LinkedHashSet<>();
            existing.tags().forEach(tag -> tags.add(Json.createValue(tag)));
            tags.addAll(body.getJsonArray("tags"));
            patch.add("tags", Json.createArrayBuilder(new ArrayList<>(tags)));
        }
        return patch.build();
    }

    /**
     * The live contact with the same email or phone under the policy, taking a transaction lock on the
     * email and phone so that two concurrent creates of one person do not both insert.
     */
    private Optional<ContactEntity> duplicateOf(LocationId locationId, DuplicatePolicy policy, ContactEntity draft) {
        List<String> keys = new ArrayList<>();
        if (policy.byEmail() && draft.email != null) {
            keys.add("email:" + draft.email);
        }
        if (policy.byPhone() && draft.phone != null) {
            keys.add("phone:" + draft.phone);
        }
        for (String key : keys.stream().sorted().toList()) {
            db.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", row -> true, locationId + key);
        }
        for (String key : keys) {
            String column = key.startsWith("email:") ? "email" : "phone";
            Optional<UUID> match = db.queryOne("SELECT id FROM contact WHERE location_id = ? AND " + column
                    + " = ? AND deleted_at IS NULL AND id <> ? ORDER BY created_at LIMIT 1",
                    row -> row.getObject(1, UUID.class), locationId, key.substring(key.indexOf(':') + 1), draft.id);
            if (match.isPresent()) {
                return live(locationId, match.get());
            }
        }
        return Optional.empty();
    }

    // --- rows and views

    private Optional<ContactEntity> entity(LocationId locationId, UUID contactId) {
        ContactEntity contact = em.find(ContactEntity.class, contactId);
        return contact == null || !contact.locationId.equals(locationId.value()) ? Optional.empty() : Optional.of(contact);
    }

    Optional<ContactEntity> live(LocationId locationId, UUID contactId) {
        return entity(locationId, contactId).filter(contact -> contact.deletedAt == null);
    }

    /** Contacts by id, in the order of {@code ids}; for pages found by SQL. */
    public List<Contact> views(LocationId locationId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, ContactEntity> byId = new java.util.HashMap<>();
        em.createQuery("SELECT c FROM ContactEntity c WHERE c.locationId = :location AND c.id IN :ids", ContactEntity.class)
                .setParameter("location", locationId.value()).setParameter("ids", ids).getResultList()
                .forEach(contact -> byId.put(contact.id, contact));
        Map<String, String> keys = customFieldValues.keysById(locationId, FieldModel.CONTACT);
        return ids.stream().map(byId::get).filter(Objects::nonNull).map(contact -> view(contact, keys)).toList();
    }

    Contact view(LocationId locationId, ContactEntity contact) {
        return view(contact, customFieldValues.keysById(locationId, FieldModel.CONTACT));
    }

    private static Contact view(ContactEntity c, Map<String, String> keysById) {
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
    private static JsonObjectBuilder standardJson(String firstName, String lastName, String name, String email,
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

    private static void putIfSet(JsonObjectBuilder json, String name, Object value) {
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

    private static String derivedName(String firstName, String lastName) {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? null : name;
    }

    static String displayName(ContactEntity contact) {
        return contact.name != null ? contact.name : contact.email != null ? contact.email
                : contact.phone != null ? contact.phone : contact.id.toString();
    }

    static JsonObjectBuilder payload(UUID contactId) {
        return Json.createObjectBuilder().add("contactId", contactId.toString());
    }

    private static List<String> strings(jakarta.json.JsonArray array) {
        return array == null ? List.of() : array.getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    static OffsetDateTime now() {
        return Timestamps.now();
    }

    static ProblemException notFound(UUID contactId) {
        return ProblemException.notFound("contact " + contactId);
    }
}
