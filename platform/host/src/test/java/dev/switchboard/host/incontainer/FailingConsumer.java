package dev.switchboard.host.incontainer;

import dev.switchboard.core.events.DeliveryOutcome;
import dev.switchboard.core.events.DomainEvent;
import dev.switchboard.core.events.DomainEventConsumer;
import jakarta.enterprise.context.ApplicationScoped;

/** A consumer deployed only with the in-container tests: every delivery to it fails. */
@ApplicationScoped
public class FailingConsumer implements DomainEventConsumer {

    static final String NAME = "in-container-failing";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DeliveryOutcome deliver(DomainEvent event) {
        throw new IllegalStateException("the consumer fails on purpose");
    }
}
