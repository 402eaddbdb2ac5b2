package dev.switchboard.core.plugins.host;

import dev.switchboard.api.host.Contacts;
import dev.switchboard.api.host.Conversations;
import dev.switchboard.api.host.Documents;
import dev.switchboard.api.host.Events;
import dev.switchboard.api.host.Http;
import dev.switchboard.api.host.LocationContext;
import dev.switchboard.api.host.Metering;
import dev.switchboard.api.host.Opportunities;
import dev.switchboard.api.host.PluginDatabase;
import dev.switchboard.api.host.StepLog;
import dev.switchboard.api.settings.PluginSettings;
import java.time.Clock;
import java.util.Objects;

/**
 * The host services of a location, handed on: the base of every context a plugin call gets (an
 * action's, an import's), which adds what is particular to that call and forwards the rest.
 */
public abstract class ForwardingLocationContext implements LocationContext {

    private final LocationContext services;

    protected ForwardingLocationContext(LocationContext services) {
        this.services = Objects.requireNonNull(services);
    }

    @Override
    public String locationId() {
        return services.locationId();
    }

    @Override
    public String pluginVersion() {
        return services.pluginVersion();
    }

    @Override
    public PluginSettings settings() {
        return services.settings();
    }

    @Override
    public Contacts contacts() {
        return services.contacts();
    }

    @Override
    public Opportunities opportunities() {
        return services.opportunities();
    }

    @Override
    public Conversations conversations() {
        return services.conversations();
    }

    @Override
    public PluginDatabase database() {
        return services.database();
    }

    @Override
    public StepLog log() {
        return services.log();
    }

    @Override
    public Http http() {
        return services.http();
    }

    @Override
    public Clock clock() {
        return services.clock();
    }

    @Override
    public Events events() {
        return services.events();
    }

    @Override
    public Documents documents() {
        return services.documents();
    }

    @Override
    public Metering metering() {
        return services.metering();
    }
}
