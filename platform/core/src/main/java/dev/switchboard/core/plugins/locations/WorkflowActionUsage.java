package dev.switchboard.core.plugins.locations;

import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which plugin actions each workflow's newest version uses, kept at deploy: what makes uninstalling
 * or disabling a plugin in use a refusal that names the workflows, not a surprise at run time.
 */
@ApplicationScoped
public class WorkflowActionUsage {

    @Inject
    Database db;

    /** A workflow that uses a plugin's actions. */
    public record Use(UUID locationId, String workflowKey, String actionId) {
    }

    /** Records the actions of a workflow's newest version (action id → plugin id). Call in the deploy transaction. */
    public void record(LocationId locationId, String workflowKey, Map<String, String> actionPlugins) {
        db.update("DELETE FROM workflow_action WHERE location_id = ? AND process_key = ?", locationId, workflowKey);
        actionPlugins.forEach((action, plugin) -> db.update("""
                INSERT INTO workflow_action (location_id, process_key, action_id, plugin_id) VALUES (?, ?, ?, ?)""",
                locationId, workflowKey, action, plugin));
    }

    /** Every workflow of every location that uses the plugin's actions (read across locations, for the operator). */
    public List<Use> uses(String pluginId) {
        try (DatabaseScope scope = DatabaseScope.system("plugin usage check")) {
            return db.query("""
                    SELECT location_id, process_key, action_id FROM workflow_action WHERE plugin_id = ?
                    ORDER BY location_id, process_key, action_id""",
                    row -> new Use(row.getObject(1, UUID.class), row.getString(2), row.getString(3)), pluginId);
        }
    }
}
