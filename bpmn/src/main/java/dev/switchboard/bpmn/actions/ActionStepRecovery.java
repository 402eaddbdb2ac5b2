package dev.switchboard.bpmn.actions;

import dev.switchboard.bpmn.runs.WorkflowRuns;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.nodes.NodeWorkRecovery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Action steps a dead node was calling a plugin for are attempted again (with the same idempotency
 * key, so the vendor can tell); a step under which a node died twice is parked and fails its run. Steps
 * it completed but whose run it had not moved on yet are handed to jobs of the engine.
 */
@ApplicationScoped
public class ActionStepRecovery implements NodeWorkRecovery {

    private static final Logger LOG = Logger.getLogger(ActionStepRecovery.class.getName());

    @Inject
    ActionExecutions executions;

    @Inject
    WorkflowRuns runs;

    @Inject
    ActionWorker worker;

    @Override
    public String work() {
        return "action steps";
    }

    @Override
    public int recover(String deadNodeId) {
        List<ActionExecutions.Released> released = executions.releaseStepsOf(deadNodeId, CRASHES_BEFORE_PARKING);
        released.stream().filter(ActionExecutions.Released::parked).forEach(step -> runs.failed(step.runId(), step.reason()));
        List<ActionExecutions.Stranded> stranded = executions.strandedOf(deadNodeId);
        for (ActionExecutions.Stranded step : stranded) {
            try (DatabaseScope scope = DatabaseScope.location(step.locationId().value())) {
                worker.continueStranded(step);
            } catch (RuntimeException e) {
                // the rest of the node's work is still released; the worker's sweep takes this run later
                LOG.log(Level.WARNING, "Moving on the run of completed step " + step.id() + " failed", e);
            }
        }
        return released.size() + stranded.size();
    }
}
