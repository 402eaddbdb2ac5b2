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
import dev.switchboard.core.crm.contacts.ContactSearch;
import dev.switchboard.core.crm.pipelines.OpportunitySearch;
import dev.switchboard.core.db.InTransaction;
import dev.switchboard.core.plugins.Plugins;
import dev.switchboard.core.plugins.data.PluginData;
import dev.switchboard.core.plugins.data.PluginStatements;
import dev.switchboard.core.plugins.settings.PluginSettingsStore;
import dev.switchboard.core.plugins.triggers.PluginTriggers;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Builds the host's services for one plugin in one location: what every plugin call receives. Call it
 * in the location's database scope (the settings are read now); the services it returns enter that
 * scope themselves, since plugins call them from threads of their own.
 */
@ApplicationScoped
public class LocationServices {

    @Inject
    dev.switchboard.core.crm.contacts.Contacts contacts;

    @Inject
    ContactSearch search;

    @Inject
    dev.switchboard.core.crm.pipelines.Opportunities opportunities;

    @Inject
    OpportunitySearch opportunitySearch;

    @Inject
    PluginSettingsStore settings;

    @Inject
    PluginStatements statements;

    @Inject
    InTransaction transaction;

    @Inject
    dev.switchboard.core.conversations.Conversations conversations;

    @Inject
    Plugins plugins;

    @Inject
    PluginTriggers triggers;

    @Inject
    PluginEventWriter events;

    @Inject
    DocumentStore documents;

    @Inject
    UsageRecords usage;

    /** The services for {@code pluginId} (in {@code version}) acting in {@code locationId}, writing to {@code log}. */
    public LocationContext context(LocationId locationId, String pluginId, String version, StepLog log) {
        return new Bound(locationId, version, settings.forPlugin(locationId, pluginId),
                new PluginContacts(contacts, search, transaction, locationId, pluginId),
                new PluginOpportunities(opportunities, opportunitySearch, transaction, locationId, pluginId),
                new PluginConversations(conversations, plugins.registry(), locationId, pluginId),
                new PluginData(statements, locationId, pluginId), log, new PluginHttp(log),
                new PluginEvents(triggers, events, locationId, pluginId),
                new PluginDocuments(documents, locationId, pluginId),
                new PluginMetering(usage, locationId, pluginId, log));
    }

    /** The services as one value; action and webhook contexts delegate to it. */
    public record Bound(LocationId location, String pluginVersion, PluginSettings settings, Contacts contacts,
                        Opportunities opportunities, Conversations conversations, PluginDatabase database, StepLog log,
                        Http http, Events events, Documents documents, Metering metering) implements LocationContext {

        @Override
        public String locationId() {
            return location.toString();
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }
    }
}
