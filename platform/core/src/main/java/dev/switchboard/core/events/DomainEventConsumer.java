package dev.switchboard.core.events;

/**
 * Receives every domain event at least once. Each consumer has its own delivery state: its own
 * queue, retries and parking, so one failing consumer never rolls back or delays another. A delivery
 * runs in a transaction of its own, which commits with the "delivered" mark; a consumer must be
 * idempotent by {@link DomainEvent#id()}, since a delivery interrupted by a crash is made again.
 *
 * <p>Implement as an {@code @ApplicationScoped} CDI bean.
 */
public interface DomainEventConsumer {

    /** A stable name, stored with each delivery: {@code workflow-triggers}. Never rename a consumer. */
    String name();

    /**
     * Handles one event.
     *
     * @return {@link DeliveryOutcome#DELIVERED}, or a postponement when the consumer cannot take the
     *     event yet (a limit is reached); a postponement is not a failure and uses no attempt
     * @throws RuntimeException when the delivery failed; it is retried with back-off, then parked
     */
    DeliveryOutcome deliver(DomainEvent event);
}
