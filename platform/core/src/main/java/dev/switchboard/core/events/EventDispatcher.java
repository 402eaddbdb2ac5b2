package dev.switchboard.core.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers outbox events to every {@link DomainEventConsumer}, one event per transaction: the
 * consumers' work and the "dispatched" mark commit together, so an event is never half-handled.
 * Safe with several nodes: events are claimed with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class EventDispatcher {

    private static final Logger LOG = Logger.getLogger(EventDispatcher.class.getName());

    @Inject
    EventOutbox outbox;

    @Inject
    Instance<DomainEventConsumer> consumers;

    @Inject
    EventDispatcher self;

    /** Dispatches what is pending now; returns how many events were handled. */
    public int dispatchPending() {
        int handled = 0;
        for (UUID id : outbox.pending(100)) {
            try {
                if (self.dispatch(id)) {
                    handled++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Delivering event " + id + " failed; it will be retried", e);
                outbox.recordFailure(id, rootMessage(e));
            }
        }
        return handled;
    }

    @Transactional
    public boolean dispatch(UUID id) {
        return outbox.claim(id).map(event -> {
            for (DomainEventConsumer consumer : consumers) {
                consumer.onEvent(event);
            }
            outbox.markDispatched(id);
            return true;
        }).orElse(false);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
