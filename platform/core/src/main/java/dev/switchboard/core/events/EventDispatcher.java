package dev.switchboard.core.events;

import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.db.FairQueue;
import dev.switchboard.core.nodes.NodeIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers outbox events to each {@link DomainEventConsumer} on its own: a consumer's deliveries
 * are claimed in batches that are fair between locations (a location flooding events gets its share
 * of a round, no more), and each delivery runs in its own transaction with the consumer's work. A
 * failure is retried with back-off and parked after {@link #MAX_ATTEMPTS}; it never touches another
 * delivery or another consumer. Safe with several nodes: claims use {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class EventDispatcher {

    /** After this many failed deliveries an event is parked for that consumer. */
    static final int MAX_ATTEMPTS = 5;
    /** Deliveries claimed per round, shared between the locations that have work. */
    static final int BATCH = 100;

    private static final Logger LOG = Logger.getLogger(EventDispatcher.class.getName());

    @Inject
    EventDeliveries deliveries;

    @Inject
    Instance<DomainEventConsumer> consumers;

    @Inject
    NodeIdentity node;

    @Inject
    EventDispatcher self;

    /** Where each consumer's next round starts: after the last location served. */
    private final Map<String, UUID> cursors = new ConcurrentHashMap<>();

    /** The consumers, each dispatched on its own by the caller. */
    public List<DomainEventConsumer> consumers() {
        return consumers.stream().toList();
    }

    /**
     * Claims and delivers one fair round of {@code consumer}'s due deliveries.
     *
     * @return how many deliveries were handled (delivered, postponed or failed)
     */
    public int dispatchRound(DomainEventConsumer consumer) {
        try (DatabaseScope scope = DatabaseScope.system("event dispatch")) {
            return dispatchRoundInScope(consumer);
        }
    }

    private int dispatchRoundInScope(DomainEventConsumer consumer) {
        List<UUID> locations = deliveries.locationsWithWaitingDeliveries(consumer.name(),
                cursors.getOrDefault(consumer.name(), FairQueue.FIRST));
        if (locations.isEmpty()) {
            cursors.remove(consumer.name());
            return 0;
        }
        cursors.put(consumer.name(), locations.get(locations.size() - 1));
        int perLocation = Math.max(1, BATCH / locations.size());
        List<EventDeliveries.Claimed> claimed = deliveries.claim(consumer.name(), locations, perLocation, node.id());
        for (EventDeliveries.Claimed delivery : claimed) {
            deliverOne(consumer, delivery);
        }
        return claimed.size();
    }

    private void deliverOne(DomainEventConsumer consumer, EventDeliveries.Claimed delivery) {
        try (DatabaseScope scope = DatabaseScope.location(delivery.locationId().value())) {
            deliverInScope(consumer, delivery);
        }
    }

    private void deliverInScope(DomainEventConsumer consumer, EventDeliveries.Claimed delivery) {
        try {
            DeliveryOutcome outcome = self.deliver(consumer, delivery.eventId());
            if (!outcome.delivered()) {
                deliveries.postpone(consumer.name(), delivery.eventId(), outcome.delay(), outcome.reason());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Delivering event " + delivery.eventId() + " to " + consumer.name()
                    + " failed (attempt " + (delivery.attempts() + 1) + " of " + MAX_ATTEMPTS + ")", e);
            deliveries.recordFailure(consumer.name(), delivery.eventId(), rootMessage(e), MAX_ATTEMPTS);
        }
    }

    /** One delivery: the consumer's work and the "delivered" mark commit together. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public DeliveryOutcome deliver(DomainEventConsumer consumer, UUID eventId) {
        DomainEvent event = deliveries.event(eventId)
                .orElseThrow(() -> new IllegalStateException("event " + eventId + " is gone"));
        DeliveryOutcome outcome = consumer.deliver(event);
        if (outcome.delivered()) {
            deliveries.markDelivered(consumer.name(), eventId);
        }
        return outcome;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getClass().getSimpleName() + ": " + root.getMessage();
        return message.length() > 2000 ? message.substring(0, 2000) + "…" : message;
    }
}
