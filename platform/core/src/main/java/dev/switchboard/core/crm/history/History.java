package dev.switchboard.core.crm.history;

import dev.switchboard.core.crm.Actor;
import dev.switchboard.core.db.EntityMappings;
import dev.switchboard.core.db.Timestamps;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The history of contacts and opportunities: every changed field, who changed it (a user, a
 * workflow, a plugin or the platform), the value before and after, and when. Written in the
 * transaction of the change; a contact's timeline shows it.
 */
@ApplicationScoped
public class History {

    /** What changed. */
    public enum Subject { CONTACT, OPPORTUNITY }

    /** One field's change; values as JSON ({@code null} when the field was or becomes empty). */
    public record FieldChange(String field, JsonValue before, JsonValue after) {
    }

    @PersistenceContext(unitName = EntityMappings.UNIT)
    EntityManager em;

    /** Records one change of several fields; nothing when {@code changes} is empty. */
    public void record(LocationId locationId, Subject subject, UUID subjectId, UUID contactId, Actor actor,
                       List<FieldChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        UUID changeId = UUID.randomUUID();
        OffsetDateTime now = Timestamps.now();
        for (FieldChange change : changes) {
            ChangeRecordEntity row = new ChangeRecordEntity();
            row.id = UUID.randomUUID();
            row.locationId = locationId.value();
            row.changeId = changeId;
            row.subjectType = subject;
            row.subjectId = subjectId;
            row.contactId = contactId;
            row.actorType = actor.type();
            row.actorId = actor.id();
            row.field = change.field();
            row.before = change.before();
            row.after = change.after();
            row.changedAt = now;
            em.persist(row);
        }
    }
}
