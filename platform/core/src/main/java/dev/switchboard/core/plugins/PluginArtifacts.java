package dev.switchboard.core.plugins;

import dev.switchboard.core.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The platform's own store of plugin artifacts (in PostgreSQL, so every node sees the same set).
 * One artifact per plugin is active; earlier uploads are kept for rollback.
 */
@ApplicationScoped
public class PluginArtifacts {

    @Inject
    Database db;

    /** A stored artifact. */
    public record StoredArtifact(String pluginId, String version, byte[] content) {
    }

    @Transactional
    public void recordActive(PluginArchive archive, UUID uploadedBy) {
        db.update("UPDATE plugin_artifact SET active = false WHERE plugin_id = ? AND active", archive.pluginId());
        db.update("""
                INSERT INTO plugin_artifact (id, plugin_id, version, sha256, content, active, uploaded_by)
                VALUES (?, ?, ?, ?, ?, true, ?)""",
                UUID.randomUUID(), archive.pluginId(), archive.version().toString(), archive.sha256(),
                archive.content(), uploadedBy);
    }

    /** The plugin is removed: no artifact of it is installed at boot any more (its uploads stay for the record). */
    public void deactivate(String pluginId) {
        db.update("UPDATE plugin_artifact SET active = false WHERE plugin_id = ? AND active", pluginId);
    }

    public Optional<StoredArtifact> active(String pluginId) {
        return db.queryOne("SELECT plugin_id, version, content FROM plugin_artifact WHERE plugin_id = ? AND active",
                row -> new StoredArtifact(row.getString(1), row.getString(2), row.getBytes(3)), pluginId);
    }

    public List<StoredArtifact> allActive() {
        return db.query("SELECT plugin_id, version, content FROM plugin_artifact WHERE active ORDER BY uploaded_at",
                row -> new StoredArtifact(row.getString(1), row.getString(2), row.getBytes(3)));
    }
}
