package dev.switchboard.core.plugins.host;

import dev.switchboard.core.db.Database;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The rows of {@code plugin_document}: each plugin's JSON documents per location and collection. Each
 * method is a transaction of its own (or part of the caller's); checking names and documents is
 * {@link PluginDocuments}'s job.
 */
@ApplicationScoped
public class DocumentStore {

    @Inject
    Database db;

    @Transactional
    public Optional<String> get(LocationId locationId, String pluginId, String collection, String key) {
        return db.queryOne("""
                SELECT body::text FROM plugin_document
                WHERE location_id = ? AND plugin_id = ? AND collection = ? AND key = ?""",
                row -> row.getString(1), locationId, pluginId, collection, key);
    }

    @Transactional
    public void put(LocationId locationId, String pluginId, String collection, String key, String json) {
        db.update("""
                INSERT INTO plugin_document (location_id, plugin_id, collection, key, body) VALUES (?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (location_id, plugin_id, collection, key) DO UPDATE SET body = excluded.body,
                    updated_at = now()""", locationId, pluginId, collection, key, json);
    }

    @Transactional
    public boolean delete(LocationId locationId, String pluginId, String collection, String key) {
        return db.update("""
                DELETE FROM plugin_document WHERE location_id = ? AND plugin_id = ? AND collection = ? AND key = ?""",
                locationId, pluginId, collection, key) > 0;
    }

    /** Keys in byte order (the column's collation is C), after {@code afterKey} when it is given. */
    @Transactional
    public List<String> keys(LocationId locationId, String pluginId, String collection, String afterKey, int limit) {
        return db.query("""
                SELECT key FROM plugin_document
                WHERE location_id = ? AND plugin_id = ? AND collection = ? AND (?::text IS NULL OR key > ?)
                ORDER BY key LIMIT ?""", row -> row.getString(1), locationId, pluginId, collection, afterKey,
                afterKey, limit);
    }
}
