package dev.switchboard.core.crm.notes;

import dev.switchboard.core.crm.CrmInput;
import dev.switchboard.core.crm.contacts.LiveContacts;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.EntityMappings;
import dev.switchboard.core.db.Timestamps;
import dev.switchboard.core.events.EventCatalog;
import dev.switchboard.core.events.EventOutbox;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.paging.KeysetQuery;
import dev.switchboard.core.paging.Page;
import dev.switchboard.core.problems.InputValidation;
import dev.switchboard.core.problems.JsonInput;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The notes on a contact: written by a user, listed newest first, changed (the body) and deleted.
 * A new note emits {@code note.created}. The notes of a deleted contact are not found until it is
 * restored; a merge moves them to the primary contact.
 */
@ApplicationScoped
public class Notes {

    private static final KeysetQuery.Order NEWEST = new KeysetQuery.Order("notes.newest", "created_at", "timestamptz", "id", false);

    public static final int MAX_BODY = 20_000;
    private static final Set<String> READ_ONLY = Set.of("id", "contactId", "userId", "createdAt", "updatedAt");

    /** A note's request, as Bean Validation checks it. */
    record NoteText(@NotBlank(message = "is required") @Size(max = MAX_BODY, message = "is longer than {max} characters")
                    String body) {
    }

    @PersistenceContext(unitName = EntityMappings.UNIT)
    EntityManager em;

    @Inject
    Database db;

    @Inject
    InputValidation validation;

    @Inject
    LiveContacts liveContacts;

    @Inject
    EventOutbox outbox;

    /** Adds a note by {@code authorId} (null when no user wrote it). */
    @Transactional
    public Note create(LocationId locationId, UUID contactId, JsonObject body, UUID authorId) {
        liveContacts.require(locationId, contactId);
        NoteEntity note = new NoteEntity();
        note.id = UUID.randomUUID();
        note.locationId = locationId.value();
        note.contactId = contactId;
        note.authorId = authorId;
        note.body = read(body, null);
        note.createdAt = Timestamps.now();
        note.updatedAt = note.createdAt;
        em.persist(note);
        em.flush();
        outbox.append(locationId, EventCatalog.NOTE_CREATED, Json.createObjectBuilder()
                .add("contactId", contactId.toString()).add("noteId", note.id.toString()).build());
        return note.view();
    }

    public Note find(LocationId locationId, UUID contactId, UUID noteId) {
        liveContacts.require(locationId, contactId);
        return entity(locationId, contactId, noteId).view();
    }

    /** Changes the body by a JSON merge patch; the other members are the platform's. */
    @Transactional
    public Note patch(LocationId locationId, UUID contactId, UUID noteId, JsonObject patch) {
        liveContacts.require(locationId, contactId);
        NoteEntity note = entity(locationId, contactId, noteId);
        String body = read(patch, note.body);
        if (!body.equals(note.body)) {
            note.body = body;
            note.updatedAt = Timestamps.now();
            em.flush();
        }
        return note.view();
    }

    @Transactional
    public void delete(LocationId locationId, UUID contactId, UUID noteId) {
        liveContacts.require(locationId, contactId);
        em.remove(entity(locationId, contactId, noteId));
        em.flush();
    }

    /** The contact's notes, newest first. */
    public Page<Note> list(LocationId locationId, UUID contactId, int limit, String cursor) {
        liveContacts.require(locationId, contactId);
        Page<UUID> ids = KeysetQuery.ids(db, "FROM note WHERE location_id = ? AND contact_id = ?",
                List.of(locationId, contactId), NEWEST, limit, cursor);
        List<Note> notes = new ArrayList<>();
        if (!ids.items().isEmpty()) {
            em.createQuery("SELECT n FROM NoteEntity n WHERE n.locationId = :location AND n.id IN :ids"
                            + " ORDER BY n.createdAt DESC, n.id DESC", NoteEntity.class)
                    .setParameter("location", locationId.value()).setParameter("ids", ids.items()).getResultList()
                    .forEach(note -> notes.add(note.view()));
        }
        return new Page<>(notes, ids.nextCursor());
    }

    /**
     * Reads the body of a request: the whole note when creating ({@code current} null), or a merge
     * patch of it.
     */
    private String read(JsonObject request, String current) {
        Violations violations = new Violations();
        CrmInput.refuseReadOnly(request, READ_ONLY, violations);
        JsonInput input = JsonInput.of(CrmInput.without(request, READ_ONLY), violations);
        String body = current != null && !input.has("body") ? current : CrmInput.text(input, "body");
        input.finish();
        CrmInput.validate(validation, new NoteText(body), violations);
        violations.throwIfAny();
        return body;
    }

    private NoteEntity entity(LocationId locationId, UUID contactId, UUID noteId) {
        NoteEntity note = em.find(NoteEntity.class, noteId);
        if (note == null || !note.locationId.equals(locationId.value()) || !note.contactId.equals(contactId)) {
            throw ProblemException.notFound("note " + noteId);
        }
        return note;
    }
}
