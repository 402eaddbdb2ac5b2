package dev.switchboard.core.plugins.trust;

import dev.switchboard.core.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The plugins whose code the operator trusts explicitly: the bytecode verifier's findings do not keep
 * them out (they are still reported). A decision about one plugin id, taken before its upload.
 */
@ApplicationScoped
public class CodeTrust {

    @Inject
    Database db;

    /** A plugin whose code is trusted. */
    public record TrustedPlugin(String pluginId, UUID trustedBy, OffsetDateTime trustedAt) {
    }

    public boolean trusts(String pluginId) {
        return db.queryOne("SELECT 1 FROM plugin_code_trust WHERE plugin_id = ?", row -> true, pluginId).isPresent();
    }

    @Transactional
    public TrustedPlugin trust(String pluginId, UUID by) {
        db.update("""
                INSERT INTO plugin_code_trust (plugin_id, trusted_by) VALUES (?, ?)
                ON CONFLICT (plugin_id) DO NOTHING""", pluginId, by);
        return list().stream().filter(plugin -> plugin.pluginId().equals(pluginId)).findFirst().orElseThrow();
    }

    /** Whether there was a trust to withdraw. Installed versions keep running; the next upload is checked again. */
    @Transactional
    public boolean withdraw(String pluginId) {
        return db.update("DELETE FROM plugin_code_trust WHERE plugin_id = ?", pluginId) > 0;
    }

    public List<TrustedPlugin> list() {
        return db.query("SELECT plugin_id, trusted_by, trusted_at FROM plugin_code_trust ORDER BY plugin_id",
                row -> new TrustedPlugin(row.getString(1), row.getObject(2, UUID.class),
                        row.getObject(3, OffsetDateTime.class)));
    }
}
