package dev.switchboard.core.plugins.webhooks;

import dev.switchboard.api.PluginException;
import dev.switchboard.api.host.LocationContext;
import dev.switchboard.api.host.StepLog;
import dev.switchboard.api.webhook.WebhookContext;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.plugins.host.LocationServices;
import dev.switchboard.core.plugins.locations.PluginLocations;
import dev.switchboard.core.tenancy.LocationId;
import dev.switchboard.core.tenancy.TenantDirectory;
import java.util.UUID;

/**
 * What a webhook handler may use: the host's services for a location that exists and uses the plugin, looked up in that
 * location's database scope (the handler runs on a thread that has none), and the server log.
 */
final class WebhookHost implements WebhookContext {

    private final LocationServices services;
    private final TenantDirectory tenants;
    private final PluginLocations locations;
    private final String pluginId;
    private final String pluginVersion;
    private final StepLog log;

    WebhookHost(LocationServices services, TenantDirectory tenants, PluginLocations locations, String pluginId,
                String pluginVersion, StepLog log) {
        this.services = services;
        this.tenants = tenants;
        this.locations = locations;
        this.pluginId = pluginId;
        this.pluginVersion = pluginVersion;
        this.log = log;
    }

    @Override
    public LocationContext location(String locationId) throws PluginException {
        UUID id;
        try {
            id = UUID.fromString(locationId == null ? "" : locationId);
        } catch (IllegalArgumentException e) {
            throw new UnknownLocation(locationId);
        }
        try (DatabaseScope scope = DatabaseScope.location(id)) {
            LocationId location = LocationId.of(id);
            // a location the plugin is turned off for answers as one that does not exist
            if (tenants.location(location).isEmpty() || !locations.isEnabled(location, pluginId)) {
                throw new UnknownLocation(locationId);
            }
            return services.context(location, pluginId, pluginVersion, log);
        }
    }

    @Override
    public StepLog log() {
        return log;
    }

    /** The handler named a location that does not exist: the host answers 404, whoever asked. */
    static final class UnknownLocation extends PluginException {

        private static final long serialVersionUID = 1L;

        UnknownLocation(String locationId) {
            super("location " + locationId + " does not exist");
        }
    }
}
