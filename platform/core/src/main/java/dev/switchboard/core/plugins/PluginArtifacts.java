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
    public record StoredArtifact(UUID id, String pluginId, String version, byte[] content) {
    }

    private static final String COLUMNS = "id, plugin_id, version, content";

    /** Records an upload as the plugin's active artifact, with what the trust checks said of it (JSON). */
    @Transactional
    public void recordActive(PluginArchive archive, UUID uploadedBy, String trustVerdict) {
        db.update("UPDATE plugin_artifact SET active = false WHERE plugin_id = ? AND active", archive.pluginId());
        db.update("""
                INSERT INTO plugin_artifact (id, plugin_id, version, sha256, content, active, uploaded_by, trust_verdict)
                VALUES (?, ?, ?, ?, ?, true, ?, ?::jsonb)""",
                UUID.randomUUID(), archive.pluginId(), archive.version().toString(), archive.sha256(),
                archive.content(), uploadedBy, trustVerdict);
    }

    /** What the trust checks said of the active artifact, as JSON, when it was recorded. */
    public Optional<String> trustVerdict(String pluginId) {
        return db.queryOne("SELECT trust_verdict::text FROM plugin_artifact WHERE plugin_id = ? AND active"
                + " AND trust_verdict IS NOT NULL", row -> row.getString(1), pluginId);
    }

    /** The plugin is removed: no artifact of it is installed at boot any more (its uploads stay for the record). */
    public void deactivate(String pluginId) {
        db.update("UPDATE plugin_artifact SET active = false WHERE plugin_id = ? AND active", pluginId);
    }

    /** Makes a stored upload the active one again (a rollback). */
    @Transactional
    public void reactivate(StoredArtifact artifact) {
        db.update("UPDATE plugin_artifact SET active = false WHERE plugin_id = ? AND active", artifact.pluginId());
        db.update("UPDATE plugin_artifact SET active = true, uploaded_at = now() WHERE id = ?", artifact.id());
    }

    public Optional<StoredArtifact> active(String pluginId) {
        return db.queryOne("SELECT " + COLUMNS + " FROM plugin_artifact WHERE plugin_id = ? AND active",
                PluginArtifacts::stored, pluginId);
    }

    /** The most recent upload of another version than the active one: what a rollback returns to. */
    public Optional<StoredArtifact> previous(String pluginId) {
        return db.queryOne("SELECT " + COLUMNS + """
                 FROM plugin_artifact p WHERE plugin_id = ? AND NOT active
                  AND version <> coalesce((SELECT version FROM plugin_artifact WHERE plugin_id = p.plugin_id AND active), '')
                ORDER BY uploaded_at DESC LIMIT 1""", PluginArtifacts::stored, pluginId);
    }

    /** The version of {@link #previous}, without its bytes. */
    public Optional<String> previousVersion(String pluginId) {
        return db.queryOne("""
                SELECT version FROM plugin_artifact p WHERE plugin_id = ? AND NOT active
                  AND version <> coalesce((SELECT version FROM plugin_artifact WHERE plugin_id = p.plugin_id AND active), '')
                ORDER BY uploaded_at DESC LIMIT 1""", row -> row.getString(1), pluginId);
    }

    public List<StoredArtifact> allActive() {
        return db.query("SELECT " + COLUMNS + " FROM plugin_artifact WHERE active ORDER BY uploaded_at",
                PluginArtifacts::stored);
    }

    private static StoredArtifact stored(java.sql.ResultSet row) throws java.sql.SQLException {
        return new StoredArtifact(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getBytes(4));
    }
}
