package dev.switchboard.core.plugins.host;

import dev.switchboard.core.crm.contacts.Contacts;
import dev.switchboard.core.events.EventOutbox;
import dev.switchboard.core.events.EventType;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** Writes a plugin's event into the outbox: the event and its deliveries in one transaction. */
@ApplicationScoped
public class PluginEventWriter {

    @Inject
    EventOutbox outbox;

    @Inject
    Contacts contacts;

    /**
     * @return the event's id, or empty when {@code contactId} names no contact of the location
     * @throws IllegalArgumentException when the payload does not fit the type's schema
     */
    @Transactional
    public Optional<UUID> emit(LocationId locationId, EventType type, UUID contactId, JsonObject payload) {
        if (contactId != null && contacts.find(locationId, contactId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(outbox.append(locationId, type, payload));
    }
}
