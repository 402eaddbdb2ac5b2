package dev.switchboard.core.db;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Finds the locations that have work waiting in a queue table, so a claim can take a few items from
 * each instead of the oldest items overall: a location that floods its queue gets its share of each
 * round, no more, and the others are served in the same round. The locations come in id order after
 * a cursor and wrap around, so every location gets its turn however many there are.
 *
 * <p>The scan is a loose index scan (one index probe per location), cheap however many items wait;
 * it needs an index on {@code (…, location_id)} matching {@code waiting}.
 */
public final class FairQueue {

    /** The lowest location id in PostgreSQL's (unsigned, bytewise) order: where a cursor starts. */
    public static final UUID FIRST = new UUID(0L, 0L);

    private final Database db;
    private final String table;
    private final String waiting;

    /**
     * @param table the queue table; it has a {@code location_id} column
     * @param waiting the condition of a waiting item, with one {@code ?} bound to the {@code queue} of
     *     {@link #locations(Object, UUID, int)} (for example {@code "consumer = ? AND status = 'PENDING'"}),
     *     or none for {@link #locations(UUID, int)}; a constant of the caller, never input. Constants are
     *     better written as literals: a parameter lets a generic plan miss a partial index.
     */
    public FairQueue(Database db, String table, String waiting) {
        this.db = db;
        this.table = table;
        this.waiting = waiting;
    }

    /** Up to {@code limit} locations with waiting items, after {@code cursor} and then from the start. */
    public List<UUID> locations(Object queue, UUID cursor, int limit) {
        return locations(new Object[] {queue}, cursor, limit);
    }

    /** {@link #locations(Object, UUID, int)} for a condition without a parameter. */
    public List<UUID> locations(UUID cursor, int limit) {
        return locations(new Object[0], cursor, limit);
    }

    private List<UUID> locations(Object[] queue, UUID cursor, int limit) {
        List<UUID> locations = new ArrayList<>(scan(queue, cursor, limit));
        if (locations.size() < limit && !cursor.equals(FIRST)) {
            scan(queue, FIRST, limit - locations.size()).stream()
                    .filter(location -> !locations.contains(location)).forEach(locations::add);
        }
        return locations;
    }

    private List<UUID> scan(Object[] queue, UUID after, int limit) {
        String sql = """
                WITH RECURSIVE waiting AS (
                    (SELECT location_id FROM %1$s WHERE %2$s AND location_id > ? ORDER BY location_id LIMIT 1)
                    UNION ALL
                    SELECT (SELECT q.location_id FROM %1$s q WHERE %2$s AND q.location_id > w.location_id
                            ORDER BY q.location_id LIMIT 1)
                    FROM waiting w WHERE w.location_id IS NOT NULL
                )
                SELECT location_id FROM waiting WHERE location_id IS NOT NULL LIMIT ?""".formatted(table, waiting);
        List<Object> parameters = new ArrayList<>(List.of(queue));
        parameters.add(after);
        parameters.addAll(List.of(queue));
        parameters.add(limit);
        return db.query(sql, row -> row.getObject(1, UUID.class), parameters.toArray());
    }
}
