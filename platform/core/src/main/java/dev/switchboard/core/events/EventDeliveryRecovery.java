package dev.switchboard.core.events;

import dev.switchboard.core.nodes.NodeWorkRecovery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Event deliveries a dead node had claimed return to their queues. */
@ApplicationScoped
public class EventDeliveryRecovery implements NodeWorkRecovery {

    @Inject
    EventDeliveries deliveries;

    @Override
    public String work() {
        return "event deliveries";
    }

    @Override
    public int recover(String deadNodeId) {
        return deliveries.releaseClaimsOf(deadNodeId, CRASHES_BEFORE_PARKING);
    }
}
