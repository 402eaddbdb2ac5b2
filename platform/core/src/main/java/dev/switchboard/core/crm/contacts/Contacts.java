package dev.switchboard.core.crm.contacts;

import dev.switchboard.core.db.Database;
import dev.switchboard.core.events.EventCatalog;
import dev.switchboard.core.events.EventOutbox;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Contacts of one location. Every method takes the location first and every statement filters by
 * it; changes append their domain events to the outbox in the same transaction.
 */
@ApplicationScoped
public class Contacts {

    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.:-]{0,62}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** Longest first or last name. */
    public static final int MAX_NAME = 200;
    /** Longest email address (RFC 5321's path limit). */
    public static final int MAX_EMAIL = 320;
    /** Most tags a contact is created with in one request. */
    public static final int MAX_TAGS = 100;
    /** A contact with its tags; callers add WHERE (always on location_id) and GROUP BY c.id. */
    private static final String SELECT_CONTACT = """
                SELECT c.id, c.location_id, c.first_name, c.last_name, c.email, c.created_at,
                       coalesce(array_agg(t.tag ORDER BY t.added_at) FILTER (WHERE t.tag IS NOT NULL), '{}')
                FROM contact c LEFT JOIN contact_tag t ON t.contact_id = c.id AND t.location_id = c.location_id
            """;

    @Inject
    Database db;

    @Inject
    EventOutbox outbox;

    @Transactional
    public Contact create(LocationId locationId, NewContact request) {
        Violations violations = new Violations();
        String firstName = Texts.optional(request.firstName(), "/firstName", MAX_NAME, violations);
        String lastName = Texts.optional(request.lastName(), "/lastName", MAX_NAME, violations);
        String email = Texts.optional(request.email(), "/email", MAX_EMAIL, violations);
        if (email != null && !EMAIL.matcher(email).matches()) {
            violations.field("email", Texts.quote(email) + " is not an email address");
        }
        if (firstName == null && lastName == null && email == null && violations.isEmpty()) {
            violations.add(FieldError.general("a contact needs at least one of firstName, lastName, email"));
        }
        Set<String> tags = new LinkedHashSet<>();
        List<String> requested = request.tags() == null ? List.of() : request.tags();
        if (requested.size() > MAX_TAGS) {
            violations.field("tags", "at most " + MAX_TAGS + " tags, got " + requested.size());
        } else {
            for (int i = 0; i < requested.size(); i++) {
                tags.add(normalizeTag(requested.get(i), "/tags/" + i, violations));
            }
        }
        violations.throwIfAny();
        UUID id = UUID.randomUUID();
        db.update("INSERT INTO contact (id, location_id, first_name, last_name, email) VALUES (?, ?, ?, ?, ?)",
                id, locationId, firstName, lastName, email);
        outbox.append(locationId, EventCatalog.CONTACT_CREATED, Json.createObjectBuilder().add("contactId", id.toString()).build());
        for (String tag : tags) {
            insertTag(locationId, id, tag);
        }
        return find(locationId, id).orElseThrow();
    }

    /** Adds a tag; adding a tag the contact already has changes nothing and emits no event. */
    @Transactional
    public Contact addTag(LocationId locationId, UUID contactId, String rawTag) {
        Violations violations = new Violations();
        String tag = normalizeTag(rawTag, "/tag", violations);
        violations.throwIfAny();
        requireExisting(locationId, contactId);
        insertTag(locationId, contactId, tag);
        return find(locationId, contactId).orElseThrow();
    }

    public Optional<Contact> find(LocationId locationId, UUID contactId) {
        return db.queryOne(SELECT_CONTACT + """
                WHERE c.location_id = ? AND c.id = ?
                GROUP BY c.id""", Contacts::contact, locationId, contactId);
    }

    public List<Contact> list(LocationId locationId, int limit) {
        return db.query(SELECT_CONTACT + """
                WHERE c.location_id = ?
                GROUP BY c.id ORDER BY c.created_at DESC LIMIT ?""", Contacts::contact, locationId, limit);
    }

    private void insertTag(LocationId locationId, UUID contactId, String tag) {
        int inserted = db.update("""
                INSERT INTO contact_tag (location_id, contact_id, tag) VALUES (?, ?, ?)
                ON CONFLICT (contact_id, tag) DO NOTHING""", locationId, contactId, tag);
        if (inserted == 1) {
            db.update("UPDATE contact SET updated_at = now() WHERE id = ? AND location_id = ?", contactId, locationId);
            outbox.append(locationId, EventCatalog.CONTACT_TAG_ADDED, Json.createObjectBuilder()
                    .add("contactId", contactId.toString()).add("tag", tag).build());
        }
    }

    private void requireExisting(LocationId locationId, UUID contactId) {
        if (db.queryOne("SELECT 1 FROM contact WHERE location_id = ? AND id = ?", row -> true, locationId, contactId)
                .isEmpty()) {
            throw ProblemException.notFound("contact " + contactId);
        }
    }

    static String normalizeTag(String raw, String pointer, Violations violations) {
        String tag = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (!TAG.matcher(tag).matches()) {
            violations.at(pointer, Texts.quote(tag) + " must be 1-63 letters, digits, spaces or _ . : -");
        }
        return tag;
    }

    private static Contact contact(ResultSet row) throws SQLException {
        String[] tags = (String[]) row.getArray(7).getArray();
        return new Contact(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                row.getString(4), row.getString(5), new LinkedHashSet<>(List.of(tags)),
                row.getObject(6, OffsetDateTime.class));
    }
}
