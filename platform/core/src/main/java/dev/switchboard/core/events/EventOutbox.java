package dev.switchboard.core.events;

import dev.switchboard.core.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The transactional outbox: events are written with the change and read by the dispatcher. */
@ApplicationScoped
public class EventOutbox {

    /** After this many failed deliveries an event is parked as failed. */
    static final int MAX_ATTEMPTS = 5;

    @Inject
    Database db;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(UUID locationId, String type, JsonObject payload) {
        UUID id = UUID.randomUUID();
        db.update("INSERT INTO domain_event (id, location_id, type, payload) VALUES (?, ?, ?, ?::jsonb)",
                id, locationId, type, payload.toString());
        return id;
    }

    List<UUID> pending(int limit) {
        return db.query("""
                SELECT id FROM domain_event WHERE dispatched_at IS NULL AND failed_at IS NULL
                ORDER BY occurred_at LIMIT ?""", row -> row.getObject(1, UUID.class), limit);
    }

    /** Locks the event for this transaction; empty if another node holds it or it is done. */
    Optional<DomainEvent> claim(UUID id) {
        return db.queryOne("""
                SELECT id, location_id, type, payload::text, occurred_at FROM domain_event
                WHERE id = ? AND dispatched_at IS NULL AND failed_at IS NULL FOR UPDATE SKIP LOCKED""",
                row -> new DomainEvent(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                        Json.createReader(new StringReader(row.getString(4))).readObject(),
                        row.getObject(5, OffsetDateTime.class)),
                id);
    }

    void markDispatched(UUID id) {
        db.update("UPDATE domain_event SET dispatched_at = now(), attempts = attempts + 1 WHERE id = ?", id);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void recordFailure(UUID id, String error) {
        db.update("""
                UPDATE domain_event SET attempts = attempts + 1, last_error = ?,
                       failed_at = CASE WHEN attempts + 1 >= ? THEN now() END
                WHERE id = ?""", error, MAX_ATTEMPTS, id);
    }
}
