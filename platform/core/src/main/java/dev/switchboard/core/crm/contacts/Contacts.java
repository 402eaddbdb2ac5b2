package dev.switchboard.core.crm.contacts;

import dev.switchboard.core.crm.Actor;
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
import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.JsonInput;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.LocationId;
import dev.switchboard.core.tenancy.LocationUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Contacts of one location: create (an upsert under the location's duplicate policy), read, change
 * by JSON merge patch, tag, delete (soft: restorable for {@value #RESTORABLE_DAYS} days) and restore.
 * Every change records its history and appends its events to the outbox in the same transaction.
 * Lists and search are in {@link ContactSearch}, merges in {@link ContactMerges}.
 *
 * <p>Reads run in a transaction too: they are made on the server's managed threads (action workers,
 * plugin calls), where the entity manager outside a transaction is one shared by every thread of the
 * factory and closed when any of them ends.
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

    /** A contact after an upsert, and whether it is new. */
    public record Upserted(Contact contact, boolean created) {
    }

    @PersistenceContext(unitName = EntityMappings.UNIT)
    EntityManager em;

    @Inject
    LocationUsers locationUsers;

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
     * What an import does with a row that the location's duplicate policy matches to a contact: leave
     * the contact as it is, update it as a create would, or create another contact anyway.
     */
    public enum OnDuplicate {
        SKIP, UPDATE, CREATE
    }

    /** What an imported row became. */
    public enum ImportOutcome {
        CREATED, UPDATED, SKIPPED
    }

    /**
     * Creates a contact, or, when the location's duplicate policy finds one with the same email or
     * phone, applies the request to that one: its fields are set, its tags and custom values added to.
     */
    @Transactional
    public Upserted create(LocationId locationId, JsonObject body, Actor actor) {
        return upsert(locationId, body, OnDuplicate.UPDATE, actor);
    }

    /**
     * One row of an import, in the import's transaction: created, or, when the location's duplicate
     * policy matches a contact, handled as {@code onDuplicate} says. A row that is not valid is refused
     * with a {@link ProblemException} naming its fields, and leaves the transaction usable for the rows
     * after it: nothing of the row was written.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public ImportOutcome importRow(LocationId locationId, JsonObject row, OnDuplicate onDuplicate, Actor actor) {
        try {
            Upserted upserted = upsert(locationId, row, onDuplicate, actor);
            return upserted == null ? ImportOutcome.SKIPPED : upserted.created() ? ImportOutcome.CREATED : ImportOutcome.UPDATED;
        } catch (ProblemException e) {
            // a refused update may have set fields of the managed contact before its checks failed: forget them
            em.clear();
            throw e;
        }
    }

    /** Null when a duplicate was found and {@code onDuplicate} is {@link OnDuplicate#SKIP}. */
    private Upserted upsert(LocationId locationId, JsonObject body, OnDuplicate onDuplicate, Actor actor) {
        CrmSettings crm = settings.of(locationId);
        Violations violations = new Violations();
        ContactRequests.refuseReadOnly(body, violations);
        ContactEntity draft = new ContactEntity(UUID.randomUUID(), locationId.value(), now());
        JsonInput input = JsonInput.of(ContactRequests.withoutReadOnly(body), violations);
        ContactRequests.read(input, draft, crm, null, violations);
        JsonObject givenCustom = ContactRequests.customFieldsOf(input);
        input.finish();
        violations.throwIfAny();
        Optional<ContactEntity> match = onDuplicate == OnDuplicate.CREATE ? Optional.empty()
                : duplicateOf(locationId, crm.policy(), draft);
        if (match.isPresent()) {
            if (onDuplicate == OnDuplicate.SKIP) {
                return null;
            }
            ContactEntity existing = match.get();
            JsonObject patch = ContactRequests.upsertPatch(body, view(locationId, existing));
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
                List.of(new History.FieldChange("created", null, Json.createValue(ContactJson.displayName(draft)))));
        return new Upserted(view(locationId, draft), true);
    }

    @Transactional
    public Optional<Contact> find(LocationId locationId, UUID contactId) {
        return live(locationId, contactId).map(contact -> view(locationId, contact));
    }

    /**
     * The merge fields of a live contact ({@code contact.id}, {@code contact.firstName},
     * {@code contact.lastName}, {@code contact.email}; unset ones left out), read without building the
     * whole contact: workflow steps render them for every step of every run.
     */
    @Transactional
    public Optional<Map<String, String>> mergeFields(LocationId locationId, UUID contactId) {
        return db.queryOne("""
                SELECT first_name, last_name, email FROM contact
                WHERE location_id = ? AND id = ? AND deleted_at IS NULL""", row -> {
            Map<String, String> fields = new HashMap<>();
            fields.put("contact.id", contactId.toString());
            putIfSet(fields, "contact.firstName", row.getString(1));
            putIfSet(fields, "contact.lastName", row.getString(2));
            putIfSet(fields, "contact.email", row.getString(3));
            return fields;
        }, locationId, contactId);
    }

    /** Whether {@link #mergeFields} has every merge field the text names (else {@link #allMergeFields} does). */
    public static boolean basicMergeFieldsSuffice(String text) {
        return !ALL_BUT_BASIC.matcher(text).find();
    }

    private static final Pattern ALL_BUT_BASIC = Pattern.compile("contact\\.(?!(?:id|firstName|lastName|email)\\b)\\w");

    /**
     * Every merge field of a live contact: its standard fields ({@code contact.phone}, {@code contact.city},
     * …, {@code contact.dateOfBirth}) and custom fields ({@code contact.customFields.<key>}); unset ones
     * left out.
     */
    @Transactional
    public Optional<Map<String, String>> allMergeFields(LocationId locationId, UUID contactId) {
        return find(locationId, contactId).map(contact -> {
            Map<String, String> fields = new HashMap<>();
            fields.put("contact.id", contactId.toString());
            putIfSet(fields, "contact.firstName", contact.firstName());
            putIfSet(fields, "contact.lastName", contact.lastName());
            putIfSet(fields, "contact.name", contact.name());
            putIfSet(fields, "contact.email", contact.email());
            putIfSet(fields, "contact.phone", contact.phone());
            putIfSet(fields, "contact.companyName", contact.companyName());
            putIfSet(fields, "contact.city", contact.city());
            putIfSet(fields, "contact.state", contact.state());
            putIfSet(fields, "contact.postalCode", contact.postalCode());
            putIfSet(fields, "contact.country", contact.country());
            putIfSet(fields, "contact.timezone", contact.timezone());
            putIfSet(fields, "contact.website", contact.website());
            putIfSet(fields, "contact.source", contact.source());
            putIfSet(fields, "contact.dateOfBirth", contact.dateOfBirth() == null ? null : contact.dateOfBirth().toString());
            contact.customFields().forEach((key, value) -> putIfSet(fields, "contact.customFields." + key,
                    value instanceof JsonString text ? text.getString()
                            : value.getValueType() == JsonValue.ValueType.NULL ? null : value.toString()));
            return fields;
        });
    }

    private static void putIfSet(Map<String, String> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }

    /** A contact, also when it is deleted (for restore and for the trash). */
    @Transactional
    public Optional<Contact> findAny(LocationId locationId, UUID contactId) {
        return entity(locationId, contactId).map(contact -> view(locationId, contact));
    }

    /** Changes a contact by a JSON merge patch (RFC 7396) of its representation. */
    @Transactional
    public Contact patch(LocationId locationId, UUID contactId, JsonObject patch, Actor actor) {
        ContactEntity contact = live(locationId, contactId).orElseThrow(() -> notFound(contactId));
        Violations violations = new Violations();
        ContactRequests.refuseReadOnly(patch, violations);
        violations.throwIfAny();
        return applyPatch(locationId, contact, patch, actor);
    }

    /** Adds a tag; adding a tag the contact already has changes nothing and emits no event. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Contact addTag(LocationId locationId, UUID contactId, String rawTag, Actor actor) {
        return changeTags(locationId, contactId, rawTag, actor, true);
    }

    /** Removes a tag; removing one the contact does not have changes nothing. */
    @Transactional(dontRollbackOn = ProblemException.class)
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
        // what a patch of the tags alone would do, without reading and checking every other field: the
        // tags are in no duplicate rule, no search word and no other field's check
        JsonValue before = Json.createArrayBuilder(contact.tags).build();
        contact.tags = tags;
        contact.updatedAt = now();
        em.flush();
        outbox.append(locationId, add ? EventCatalog.CONTACT_TAG_ADDED : EventCatalog.CONTACT_TAG_REMOVED,
                payload(contactId).add("tag", tag).build());
        history.record(locationId, History.Subject.CONTACT, contactId, contactId, actor,
                List.of(new History.FieldChange("tags", before, Json.createArrayBuilder(tags).build())));
        return view(locationId, contact);
    }

    /** Deletes a contact: it leaves every list and can be restored for {@value #RESTORABLE_DAYS} days. */
    @Transactional(dontRollbackOn = ProblemException.class)
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
        JsonObject currentJson = ContactJson.json(current);
        JsonObject patched = Json.createMergePatch(ContactRequests.withoutCustomFields(patch))
                .apply(ContactRequests.withoutCustomFields(currentJson))
                .asJsonObject();
        JsonObject before = ContactJson.standardFields(contact);
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
        boolean nameWasDerived = contact.name == null || contact.name.equals(ContactRequests.derivedName(contact.firstName, contact.lastName));
        if (!nameGiven && nameWasDerived) {
            // a name made of the first and last name follows them
            patched = Json.createObjectBuilder(patched).remove("name").build();
        }
        JsonInput input = JsonInput.of(ContactRequests.withoutReadOnly(patched), violations);
        ContactRequests.read(input, contact, crm, null, violations);
        input.value("customFields");
        input.finish();
        CustomFieldValues.Applied custom = customFieldValues.apply(locationId, FieldModel.CONTACT, contact.customFields,
                given, false, crm.country(), "/customFields", violations);
        checkAssignable(locationId, contact, companyBefore, patch.containsKey("companyName"), violations);
        violations.throwIfAny();
        contact.customFields = custom.stored();
        JsonObject after = ContactJson.standardFields(contact);
        List<History.FieldChange> changes = new ArrayList<>(ContactJson.diff(before, after));
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
        Set<UUID> assignable = locationUsers.available();
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





    /**
     * The live contact with the same email or phone under the policy, taking a transaction lock on the
     * email and phone so that two concurrent creates of one person do not both insert, and a shared lock
     * on the location's contact keys so that neither does a file import's batch.
     */
    private Optional<ContactEntity> duplicateOf(LocationId locationId, DuplicatePolicy policy, ContactEntity draft) {
        List<String> keys = new ArrayList<>();
        if (policy.byEmail() && draft.email != null) {
            keys.add("email:" + draft.email);
        }
        if (policy.byPhone() && draft.phone != null) {
            keys.add("phone:" + draft.phone);
        }
        if (!keys.isEmpty()) {
            // a file import writing a batch of the location's contacts holds this alone (ContactImportWriter)
            db.query(ContactImportWriter.LOCK.formatted("_shared"), row -> true, locationId.toString());
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
    @Transactional
    public List<Contact> views(LocationId locationId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, ContactEntity> byId = new java.util.HashMap<>();
        em.createQuery("SELECT c FROM ContactEntity c WHERE c.locationId = :location AND c.id IN :ids", ContactEntity.class)
                .setParameter("location", locationId.value()).setParameter("ids", ids).getResultList()
                .forEach(contact -> byId.put(contact.id, contact));
        Map<String, String> keys = customFieldValues.keysById(locationId, FieldModel.CONTACT);
        return ids.stream().map(byId::get).filter(Objects::nonNull).map(contact -> ContactJson.view(contact, keys)).toList();
    }

    Contact view(LocationId locationId, ContactEntity contact) {
        return ContactJson.view(contact, customFieldValues.keysById(locationId, FieldModel.CONTACT));
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
