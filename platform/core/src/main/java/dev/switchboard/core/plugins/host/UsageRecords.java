package dev.switchboard.core.plugins.host;

import dev.switchboard.core.db.Database;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Usage the plugins record per location ({@code plugin_usage}), and its sums per plugin and meter:
 * what billing reads. A record whose idempotency key the plugin used before in the location is
 * dropped, so retried work counts once.
 */
@ApplicationScoped
public class UsageRecords {

    @Inject
    Database db;

    /** What one plugin counted on one meter in a period. */
    public record UsageLine(String pluginId, String meter, long quantity, long records) {
    }

    /** @return whether the record counted (false: its key was used before) */
    @Transactional
    public boolean record(LocationId locationId, String pluginId, String meter, long quantity, String idempotencyKey) {
        return db.update("""
                INSERT INTO plugin_usage (location_id, plugin_id, meter, quantity, idempotency_key) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (location_id, plugin_id, idempotency_key) DO NOTHING""",
                locationId, pluginId, meter, quantity, idempotencyKey) > 0;
    }

    /** Sums of the records from {@code from} (inclusive) to {@code to} (exclusive), by plugin and meter. */
    @Transactional
    public List<UsageLine> summary(LocationId locationId, OffsetDateTime from, OffsetDateTime to) {
        return db.query("""
                SELECT plugin_id, meter, sum(quantity)::bigint, count(*) FROM plugin_usage
                WHERE location_id = ? AND recorded_at >= ? AND recorded_at < ?
                GROUP BY plugin_id, meter ORDER BY plugin_id, meter""",
                row -> new UsageLine(row.getString(1), row.getString(2), row.getLong(3), row.getLong(4)),
                locationId, from, to);
    }
}
