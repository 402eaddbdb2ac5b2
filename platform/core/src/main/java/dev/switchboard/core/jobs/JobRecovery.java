package dev.switchboard.core.jobs;

import dev.switchboard.core.nodes.NodeWorkRecovery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Background jobs a dead node was running go back to the queue and resume from their last committed
 * checkpoint; a job under which a node died twice fails instead of crashing another.
 */
@ApplicationScoped
public class JobRecovery implements NodeWorkRecovery {

    @Inject
    JobQueue queue;

    @Override
    public String work() {
        return "background jobs";
    }

    @Override
    public int recover(String deadNodeId) {
        return queue.releaseJobsOf(deadNodeId, CRASHES_BEFORE_PARKING);
    }
}
