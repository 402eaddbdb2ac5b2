package dev.switchboard.core.crm.contacts;

import dev.switchboard.core.crm.Actor;
import dev.switchboard.core.crm.Tags;
import dev.switchboard.core.crm.history.History;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.EntityMappings;
import dev.switchboard.core.events.EventCatalog;
import dev.switchboard.core.events.EventOutbox;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Merges of duplicate contacts: what moves from the duplicate to the primary, and the record of
 * each merge. The rows that belong to a contact elsewhere (notes, tasks, opportunities, workflow runs,
 * history) move by SQL in the merge's transaction.
 */
@ApplicationScoped
public class ContactMerges {

    @PersistenceContext(unitName = EntityMappings.UNIT)
    EntityManager em;

    @Inject
    Database db;

    @Inject
    EventOutbox outbox;

    @Inject
    History history;

    @Inject
    Contacts contacts;

    /**
     * Merges {@code duplicateId} into {@code primaryId}: the primary keeps its values and gains the
     * duplicate's where it has none (a different email or phone becomes an additional one), its tags,
     * custom values, notes, tasks, opportunities, workflow runs and history; the duplicate is deleted
     * (not restorable) and the merge recorded.
     */
    @Transactional
    public ContactMerge merge(LocationId locationId, UUID primaryId, UUID duplicateId, Actor actor) {
        if (primaryId.equals(duplicateId)) {
            throw ProblemException.invalid(FieldError.field("duplicateId", "a contact cannot be merged into itself"));
        }
        ContactEntity primary = contacts.live(locationId, primaryId).orElseThrow(() -> Contacts.notFound(primaryId));
        ContactEntity duplicate = contacts.live(locationId, duplicateId).orElseThrow(() -> ProblemException.invalid(
                FieldError.field("duplicateId", "no contact " + duplicateId + " in this location")));
        JsonObject before = ContactJson.standardFields(primary);
        List<String> tags = new ArrayList<>(primary.tags);
        List<String> tagsAdded = new ArrayList<>();
        for (String tag : duplicate.tags) {
            if (!tags.contains(tag)) {
                tags.add(tag);
                tagsAdded.add(tag);
            }
        }
        primary.tags = tags.size() > Tags.MAX_PER_CONTACT ? new ArrayList<>(tags.subList(0, Tags.MAX_PER_CONTACT)) : tags;
        primary.firstName = firstNonNull(primary.firstName, duplicate.firstName);
        primary.lastName = firstNonNull(primary.lastName, duplicate.lastName);
        primary.name = firstNonNull(primary.name, duplicate.name);
        primary.companyName = firstNonNull(primary.companyName, duplicate.companyName);
        primary.companyId = firstNonNull(primary.companyId, duplicate.companyId);
        primary.address1 = firstNonNull(primary.address1, duplicate.address1);
        primary.city = firstNonNull(primary.city, duplicate.city);
        primary.state = firstNonNull(primary.state, duplicate.state);
        primary.postalCode = firstNonNull(primary.postalCode, duplicate.postalCode);
        primary.country = firstNonNull(primary.country, duplicate.country);
        primary.timezone = firstNonNull(primary.timezone, duplicate.timezone);
        primary.website = firstNonNull(primary.website, duplicate.website);
        primary.dateOfBirth = firstNonNull(primary.dateOfBirth, duplicate.dateOfBirth);
        primary.source = firstNonNull(primary.source, duplicate.source);
        primary.assignedTo = firstNonNull(primary.assignedTo, duplicate.assignedTo);
        primary.email = firstNonNull(primary.email, duplicate.email);
        primary.additionalEmails = union(primary.email, primary.additionalEmails, duplicate.email, duplicate.additionalEmails);
        primary.phone = firstNonNull(primary.phone, duplicate.phone);
        primary.additionalPhones = union(primary.phone, primary.additionalPhones, duplicate.phone, duplicate.additionalPhones);
        primary.followers = new ArrayList<>(new LinkedHashSet<>(concat(primary.followers, duplicate.followers)));
        primary.dnd = primary.dnd || duplicate.dnd;
        primary.dndSms = primary.dndSms || duplicate.dndSms;
        primary.dndEmail = primary.dndEmail || duplicate.dndEmail;
        primary.dndCall = primary.dndCall || duplicate.dndCall;
        primary.dndWhatsapp = primary.dndWhatsapp || duplicate.dndWhatsapp;
        JsonObjectBuilder custom = Json.createObjectBuilder(duplicate.customFields);
        primary.customFields.forEach(custom::add);
        JsonObject mergedCustom = custom.build();
        int customValuesMoved = mergedCustom.size() - primary.customFields.size();
        primary.customFields = mergedCustom;
        primary.updatedAt = Contacts.now();
        primary.refreshSearchText();
        duplicate.deletedAt = primary.updatedAt;
        duplicate.updatedAt = primary.updatedAt;
        duplicate.mergedInto = primaryId;
        em.flush();

        JsonObjectBuilder moved = Json.createObjectBuilder()
                .add("tags", Json.createArrayBuilder(tagsAdded))
                .add("customValues", customValuesMoved)
                .add("notes", move("note", locationId, primaryId, duplicateId))
                .add("tasks", move("task", locationId, primaryId, duplicateId))
                .add("opportunities", move("opportunity", locationId, primaryId, duplicateId))
                .add("workflowRuns", db.update("UPDATE workflow_run SET contact_id = ? WHERE location_id = ? AND contact_id = ?",
                        primaryId.toString(), locationId, duplicateId.toString()))
                .add("history", db.update("UPDATE change_record SET contact_id = ? WHERE location_id = ? AND contact_id = ?",
                        primaryId, locationId, duplicateId));
        JsonObject summary = moved.build();
        UUID mergeId = UUID.randomUUID();
        db.update("""
                INSERT INTO contact_merge (id, location_id, primary_id, duplicate_id, actor_type, actor_id, moved, merged_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)""", mergeId, locationId, primaryId, duplicateId, actor.type().name(),
                actor.id(), summary.toString(), primary.updatedAt);
        List<History.FieldChange> changes = new ArrayList<>(ContactJson.diff(before, ContactJson.standardFields(primary)));
        changes.add(new History.FieldChange("merged", null, Json.createObjectBuilder()
                .add("duplicateId", duplicateId.toString()).add("duplicateName", ContactJson.displayName(duplicate)).build()));
        history.record(locationId, History.Subject.CONTACT, primaryId, primaryId, actor, changes);
        outbox.append(locationId, EventCatalog.CONTACT_MERGED, Contacts.payload(primaryId).add("duplicateId", duplicateId.toString()).build());
        for (String tag : tagsAdded) {
            outbox.append(locationId, EventCatalog.CONTACT_TAG_ADDED, Contacts.payload(primaryId).add("tag", tag).build());
        }
        return new ContactMerge(mergeId, primaryId, duplicateId, actor.type().name(), actor.id(), summary, primary.updatedAt);
    }

    /** The merges into a contact, newest first. */
    public List<ContactMerge> merges(LocationId locationId, UUID contactId) {
        return db.query("""
                SELECT id, primary_id, duplicate_id, actor_type, actor_id, moved::text, merged_at FROM contact_merge
                WHERE location_id = ? AND primary_id = ? ORDER BY merged_at DESC LIMIT 100""",
                row -> new ContactMerge(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getObject(3, UUID.class),
                        row.getString(4), row.getString(5), Json.createReader(new StringReader(row.getString(6))).readObject(),
                        row.getObject(7, OffsetDateTime.class)), locationId, contactId);
    }

    private int move(String table, LocationId locationId, UUID primaryId, UUID duplicateId) {
        // the table name is one of three constants, never request text
        return db.update("UPDATE " + table + " SET contact_id = ? WHERE location_id = ? AND contact_id = ?",
                primaryId, locationId, duplicateId);
    }

    private static List<String> union(String primaryMain, List<String> primaryMore, String otherMain, List<String> otherMore) {
        LinkedHashSet<String> all = new LinkedHashSet<>(primaryMore);
        if (otherMain != null) {
            all.add(otherMain);
        }
        all.addAll(otherMore);
        all.remove(primaryMain);
        List<String> result = new ArrayList<>(all);
        return result.size() > Contacts.MAX_ADDITIONAL ? new ArrayList<>(result.subList(0, Contacts.MAX_ADDITIONAL)) : result;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }
}
