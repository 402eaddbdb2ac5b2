package dev.switchboard.core.events;

import dev.switchboard.core.config.PlatformConfig;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.db.FairQueue;
import dev.switchboard.core.nodes.NodeIdentity;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers outbox events to each {@link DomainEventConsumer} on its own: a consumer's deliveries
 * are claimed in batches that are fair between locations (a location flooding events gets its share
 * of a round, no more), and each delivery runs in its own transaction with the consumer's work. A
 * round's deliveries run side by side on {@code switchboard.events.delivery-threads} threads, except
 * those of one contact, which run one after the other in outbox order. A
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

    @Inject
    PlatformConfig config;

    @Resource
    ManagedThreadFactory threadFactory;

    private ExecutorService pool;

    private final Object arrivals = new Object();
    /** How many transactions of this node appended events since it started. */
    private long arrived;

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
        // one lane per contact: its events one after the other, in outbox order; lanes side by side
        Map<String, List<EventDeliveries.Claimed>> lanes = new LinkedHashMap<>();
        for (EventDeliveries.Claimed delivery : claimed) {
            lanes.computeIfAbsent(delivery.orderKey(), key -> new ArrayList<>()).add(delivery);
        }
        if (lanes.size() <= 1 || config.eventDeliveryThreads() == 1) {
            claimed.forEach(delivery -> deliverOne(consumer, delivery));
            return claimed.size();
        }
        List<Future<?>> running = new ArrayList<>();
        for (List<EventDeliveries.Claimed> lane : lanes.values()) {
            running.add(pool().submit(() -> lane.forEach(delivery -> deliverOne(consumer, delivery))));
        }
        for (Future<?> lane : running) {
            try {
                lane.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while events were delivered", e);
            } catch (ExecutionException e) {
                // deliverOne records its own failures; anything else is logged here and the delivery retried later
                LOG.log(Level.WARNING, "A lane of " + consumer.name() + "'s deliveries failed", e.getCause());
            }
        }
        return claimed.size();
    }

    /** A transaction of this node appended events: the dispatch loops look at once. */
    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventsAppended appended) {
        synchronized (arrivals) {
            arrived++;
            arrivals.notifyAll();
        }
    }

    /** What {@link #awaitEvents} compares with: read it before a round, so that events of the round itself count. */
    public long arrivals() {
        synchronized (arrivals) {
            return arrived;
        }
    }

    /**
     * Waits until a transaction of this node has appended events since {@code seen} (see {@link #arrivals}),
     * at most {@code millis}: other nodes' events are found by the next look anyway.
     *
     * @return the arrivals now
     */
    public long awaitEvents(long seen, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (arrivals) {
            long left;
            while (arrived == seen && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(arrivals, left);
            }
            return arrived;
        }
    }

    /** The threads deliveries run on, made the first time a round has several lanes. */
    private synchronized ExecutorService pool() {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(config.eventDeliveryThreads(), threadFactory);
        }
        return pool;
    }

    @PreDestroy
    synchronized void stopPool() {
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
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
