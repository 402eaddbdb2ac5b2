package dev.switchboard.core.events;

import dev.switchboard.core.tenancy.LocationId;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Something that happened in a location, as recorded in the outbox.
 *
 * @param type the declared type's name ({@link EventType#name()})
 * @param typeVersion the declared type's payload version the payload follows
 */
public record DomainEvent(UUID id, LocationId locationId, String type, int typeVersion, JsonObject payload,
                          OffsetDateTime occurredAt) {

    /** A string field of the payload, or {@code null}. */
    public String field(String name) {
        return payload.containsKey(name) && !payload.isNull(name) ? payload.getString(name) : null;
    }
}
