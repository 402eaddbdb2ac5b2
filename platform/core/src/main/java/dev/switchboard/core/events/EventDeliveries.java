package dev.switchboard.core.events;

import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.FairQueue;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery state of every consumer: claiming a fair batch, and recording each delivery's outcome.
 * Each method is a transaction of its own.
 */
@ApplicationScoped
public class EventDeliveries {

    /** Locations served per claim at most; the next claim goes on after the last one served. */
    static final int LOCATIONS_PER_CLAIM = 32;

    @Inject
    Database db;

    /** A claimed delivery. */
    /**
     * A claimed delivery.
     *
     * @param seq its place in the outbox
     * @param orderKey deliveries with the same key are delivered one after the other, in outbox order:
     *                 the event's contact, or the event itself when it names none
     */
    record Claimed(UUID eventId, LocationId locationId, int attempts, long seq, String orderKey) {
    }

    /** Locations with deliveries waiting, in turn: see {@link FairQueue}. */
    List<UUID> locationsWithWaitingDeliveries(String consumer, UUID cursor) {
        return new FairQueue(db, "event_delivery", "consumer = ? AND status = 'PENDING'")
                .locations(consumer, cursor, LOCATIONS_PER_CLAIM);
    }

    /** Claims up to {@code perLocation} due deliveries in each of {@code locations}, oldest first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Claimed> claim(String consumer, List<UUID> locations, int perLocation, String node) {
        return db.query("""
                WITH picked AS (
                    SELECT d.event_id FROM unnest(?::uuid[]) AS l(location_id)
                    CROSS JOIN LATERAL (
                        SELECT event_id FROM event_delivery
                        WHERE consumer = ? AND location_id = l.location_id AND status = 'PENDING'
                              AND next_attempt_at <= now()
                        ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED) d
                )
                UPDATE event_delivery e SET status = 'CLAIMED', claimed_by = ?
                FROM picked JOIN domain_event ev ON ev.id = picked.event_id
                WHERE e.consumer = ? AND e.event_id = picked.event_id
                RETURNING e.event_id, e.location_id, e.attempts, e.seq, coalesce(ev.payload ->> 'contactId', e.event_id::text)""",
                row -> new Claimed(row.getObject(1, UUID.class), LocationId.of(row.getObject(2, UUID.class)), row.getInt(3),
                        row.getLong(4), row.getString(5)),
                locations.toArray(UUID[]::new), consumer, perLocation, node, consumer)
                .stream().sorted(java.util.Comparator.comparingLong(Claimed::seq)).toList();
    }

    Optional<DomainEvent> event(UUID eventId) {
        return db.queryOne("""
                SELECT id, location_id, type, type_version, payload::text, occurred_at FROM domain_event WHERE id = ?""",
                row -> new DomainEvent(row.getObject(1, UUID.class), LocationId.of(row.getObject(2, UUID.class)), row.getString(3),
                        row.getInt(4), Json.createReader(new StringReader(row.getString(5))).readObject(),
                        row.getObject(6, OffsetDateTime.class)),
                eventId);
    }

    /** Part of the delivery's own transaction: commits with the consumer's work. */
    void markDelivered(String consumer, UUID eventId) {
        db.update("""
                UPDATE event_delivery SET status = 'DONE', attempts = attempts + 1, done_at = now(), claimed_by = NULL
                WHERE consumer = ? AND event_id = ?""", consumer, eventId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void postpone(String consumer, UUID eventId, Duration delay, String reason) {
        db.update("""
                UPDATE event_delivery SET status = 'PENDING', claimed_by = NULL, last_error = ?,
                       next_attempt_at = now() + ? * interval '1 millisecond'
                WHERE consumer = ? AND event_id = ?""", reason, delay.toMillis(), consumer, eventId);
    }

    /** A failed attempt: retried after a back-off that doubles, parked after {@code maxAttempts}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void recordFailure(String consumer, UUID eventId, String error, int maxAttempts) {
        db.update("""
                UPDATE event_delivery SET attempts = attempts + 1, last_error = ?, claimed_by = NULL,
                       status = CASE WHEN attempts + 1 >= ? THEN 'PARKED' ELSE 'PENDING' END,
                       next_attempt_at = now() + least(power(2, attempts) * 2, 300) * interval '1 second'
                WHERE consumer = ? AND event_id = ?""", error, maxAttempts, consumer, eventId);
    }

    /** Deliveries a dead node had claimed go back to their queue; after two such crashes they are parked. */
    int releaseClaimsOf(String node, int crashesBeforeParking) {
        return db.update("""
                UPDATE event_delivery SET claimed_by = NULL, interruptions = interruptions + 1,
                       status = CASE WHEN interruptions + 1 >= ? THEN 'PARKED' ELSE 'PENDING' END,
                       last_error = CASE WHEN interruptions + 1 >= ?
                           THEN 'parked: the node delivering this event stopped ' || (interruptions + 1) || ' times while it ran'
                           ELSE last_error END
                WHERE status = 'CLAIMED' AND claimed_by = ?""", crashesBeforeParking, crashesBeforeParking, node);
    }
}
