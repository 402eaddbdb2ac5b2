package dev.switchboard.bpmn.actions;

import dev.switchboard.bpmn.runs.WorkflowRuns;
import dev.switchboard.core.nodes.NodeWorkRecovery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Action steps a dead node was calling a plugin for are attempted again (with the same idempotency
 * key, so the vendor can tell); a step under which a node died twice is parked and fails its run.
 */
@ApplicationScoped
public class ActionStepRecovery implements NodeWorkRecovery {

    @Inject
    ActionExecutions executions;

    @Inject
    WorkflowRuns runs;

    @Override
    public String work() {
        return "action steps";
    }

    @Override
    public int recover(String deadNodeId) {
        List<ActionExecutions.Released> released = executions.releaseStepsOf(deadNodeId, CRASHES_BEFORE_PARKING);
        released.stream().filter(ActionExecutions.Released::parked).forEach(step -> runs.failed(step.runId(), step.reason()));
        return released.size();
    }
}
