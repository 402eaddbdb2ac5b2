package dev.switchboard.core.plugins.locations;

import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.plugins.PluginInfo;
import dev.switchboard.core.plugins.Plugins;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which of the installed plugins each location uses. The operator installs code, which then serves
 * every location; an agency admin turns a plugin off for a location that should not use it (and on
 * again). A plugin turned off runs nothing there: its actions are refused at deploy and fail at run
 * time, its webhooks answer 404 for the location; its settings stay.
 */
@ApplicationScoped
public class PluginLocations {

    @Inject
    Database db;

    @Inject
    Plugins plugins;

    /** An installed plugin as a location sees it. */
    public record LocationPlugin(String id, String name, String version, String state, boolean enabled) {
    }

    public List<LocationPlugin> list(LocationId locationId) {
        Set<String> disabled = disabledIds(locationId);
        return plugins.list().stream().map(plugin -> new LocationPlugin(plugin.id(), plugin.name(), plugin.version(),
                plugin.state(), !disabled.contains(plugin.id()))).toList();
    }

    /** Whether the plugin serves the location; read in the location's own scope, whatever the caller's. */
    public boolean isEnabled(LocationId locationId, String pluginId) {
        try (DatabaseScope scope = DatabaseScope.location(locationId.value())) {
            return db.queryOne("SELECT 1 FROM plugin_disabled WHERE location_id = ? AND plugin_id = ?",
                    row -> true, locationId, pluginId).isEmpty();
        }
    }

    @Transactional
    public LocationPlugin enable(LocationId locationId, String pluginId) {
        PluginInfo plugin = plugins.find(pluginId).orElseThrow(() -> ProblemException.notFound("plugin " + pluginId));
        db.update("DELETE FROM plugin_disabled WHERE location_id = ? AND plugin_id = ?", locationId, pluginId);
        return new LocationPlugin(plugin.id(), plugin.name(), plugin.version(), plugin.state(), true);
    }

    /** Turns the plugin off for the location; refused while a workflow of the location uses its actions. */
    @Transactional
    public LocationPlugin disable(LocationId locationId, String pluginId, UUID by) {
        PluginInfo plugin = plugins.find(pluginId).orElseThrow(() -> ProblemException.notFound("plugin " + pluginId));
        List<String> using = db.query("""
                SELECT DISTINCT process_key FROM workflow_action WHERE location_id = ? AND plugin_id = ?
                ORDER BY process_key""", row -> row.getString(1), locationId, pluginId);
        if (!using.isEmpty()) {
            throw ProblemException.conflict("plugin " + pluginId + " is used by workflow(s) " + String.join(", ", using)
                    + " of this location; change them first");
        }
        db.update("""
                INSERT INTO plugin_disabled (location_id, plugin_id, disabled_by) VALUES (?, ?, ?)
                ON CONFLICT (location_id, plugin_id) DO NOTHING""", locationId, pluginId, by);
        return new LocationPlugin(plugin.id(), plugin.name(), plugin.version(), plugin.state(), false);
    }

    private Set<String> disabledIds(LocationId locationId) {
        return db.query("SELECT plugin_id FROM plugin_disabled WHERE location_id = ?", row -> row.getString(1),
                locationId).stream().collect(Collectors.toSet());
    }
}
