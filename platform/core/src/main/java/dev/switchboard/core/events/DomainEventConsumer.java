package dev.switchboard.core.events;

/**
 * Receives every domain event at least once, inside the transaction that marks it dispatched.
 * Implement as an {@code @ApplicationScoped} CDI bean; be idempotent by {@link DomainEvent#id()}.
 */
public interface DomainEventConsumer {

    void onEvent(DomainEvent event);
}
