package dev.switchboard.core.plugins.host;

import dev.switchboard.api.PluginException;
import dev.switchboard.api.host.Events;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.events.EventType;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.plugins.triggers.PluginTriggers;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A plugin's events in one location: only the types the plugin declares, a contact of the location or
 * none, the payload checked against the declared record's schema by the outbox. Written in the
 * location's database scope, in a transaction with their deliveries.
 */
final class PluginEvents implements Events {

    private final PluginTriggers triggers;
    private final PluginEventWriter writer;
    private final LocationId locationId;
    private final String pluginId;

    PluginEvents(PluginTriggers triggers, PluginEventWriter writer, LocationId locationId, String pluginId) {
        this.triggers = triggers;
        this.writer = writer;
        this.locationId = locationId;
        this.pluginId = pluginId;
    }

    @Override
    public String emit(String type, String contactId, Map<String, String> payload) throws PluginException {
        EventType declared = triggers.declaredBy(pluginId, type).orElseThrow(() -> new PluginException(
                "event type " + Texts.quote(type) + " is not declared by plugin " + pluginId
                        + " (declare it with @Trigger on a TriggerType class)"));
        UUID contact = contactId == null ? null : uuid(contactId);
        JsonObjectBuilder json = Json.createObjectBuilder();
        if (payload != null) {
            for (Map.Entry<String, String> member : payload.entrySet()) {
                if (member.getKey() == null || member.getKey().equals(PluginTriggers.CONTACT_ID)) {
                    throw new PluginException("the payload of " + type + " names " + Texts.quote(member.getKey())
                            + "; pass the contact as emit's contactId");
                }
                if (member.getValue() != null) {
                    json.add(member.getKey(), member.getValue());
                }
            }
        }
        if (contact != null) {
            json.add(PluginTriggers.CONTACT_ID, contact.toString());
        }
        JsonObject event = json.build();
        Optional<UUID> id;
        try (DatabaseScope scope = DatabaseScope.location(locationId.value())) {
            id = writer.emit(locationId, declared, contact, event);
        } catch (IllegalArgumentException e) {
            throw new PluginException("the event does not fit its declaration: " + e.getMessage());
        }
        return id.orElseThrow(() -> new PluginException("no contact " + contactId + " in this location")).toString();
    }

    private static UUID uuid(String contactId) throws PluginException {
        try {
            return UUID.fromString(contactId);
        } catch (IllegalArgumentException e) {
            throw new PluginException("no contact " + Texts.quote(contactId) + " in this location");
        }
    }
}
