package dev.switchboard.core.events;

import dev.switchboard.core.db.Database;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The transactional outbox: an event is written with the change it describes, together with one
 * pending delivery per consumer, so it is delivered if and only if the change committed.
 */
@ApplicationScoped
public class EventOutbox {

    @Inject
    Database db;

    @Inject
    EventCatalog catalog;

    @Inject
    Instance<DomainEventConsumer> consumers;

    @Inject
    Event<EventsAppended> appended;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private static final String ANNOUNCED = EventOutbox.class.getName() + ".announced";

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(LocationId locationId, EventType type, JsonObject payload) {
        catalog.check(type, payload);
        UUID id = UUID.randomUUID();
        long seq = db.queryOne("""
                INSERT INTO domain_event (id, location_id, type, type_version, payload) VALUES (?, ?, ?, ?, ?::jsonb)
                RETURNING seq""", row -> row.getLong(1), id, locationId, type.name(), type.version(), payload.toString())
                .orElseThrow();
        String[] names = consumers.stream().map(DomainEventConsumer::name).toArray(String[]::new);
        db.update("""
                INSERT INTO event_delivery (consumer, event_id, location_id, seq)
                SELECT name, ?, ?, ? FROM unnest(?::text[]) AS name""", id, locationId, seq, names);
        if (transactions.getResource(ANNOUNCED) == null) {
            transactions.putResource(ANNOUNCED, Boolean.TRUE);
            appended.fire(new EventsAppended());
        }
        return id;
    }
}
