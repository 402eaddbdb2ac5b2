package dev.switchboard.bpmn.actions;

import dev.switchboard.bpmn.runs.WorkflowRuns;
import dev.switchboard.core.db.Savepoints;
import dev.switchboard.core.nodes.NodeIdentity;
import dev.switchboard.core.plugins.actions.ActionFailure;
import dev.switchboard.core.plugins.actions.ActionSpec;
import dev.switchboard.core.plugins.actions.BuiltInActions;
import dev.switchboard.core.plugins.actions.BuiltInStep;
import dev.switchboard.core.plugins.schema.RecordValues;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Makes the steps of the platform's own actions. The first attempt is made where the run enters the
 * task, in the engine's transaction: the action's writes, its step (COMPLETED, with inputs, outputs and
 * log) and the run's move past it commit together, with no hand-over to a worker and no transactions of
 * their own. Should that attempt fail, its writes are undone (a savepoint) and the step waits for the
 * {@link ActionWorker} like a plugin's, which makes its counted attempts with their backoff, and its
 * failure, as before.
 *
 * <p>An action that fails inside a service whose transaction boundary marks the whole transaction for
 * rollback cannot be undone alone: the engine's transaction then rolls back, the engine tries its job
 * again, and this node has the worker make the run's built-in steps from then on.
 */
@ApplicationScoped
public class BuiltInSteps {

    private static final Logger LOG = Logger.getLogger(BuiltInSteps.class.getName());
    /** Runs remembered as having their steps made by the worker; a bound, not a working size. */
    private static final int REMEMBERED = 10_000;

    @Inject
    BuiltInActions builtIns;

    @Inject
    ActionExecutions executions;

    @Inject
    WorkflowRuns runs;

    @Inject
    Savepoints savepoints;

    @Inject
    NodeIdentity node;

    /**
     * Runs one of whose steps failed in a transaction that then rolled back: the worker makes their
     * built-in steps from then on (a retried job may enter a task on a new execution, and parallel
     * branches may fail one after the other, so the whole run rather than one task).
     */
    private final Set<String> toWorker = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    public boolean isBuiltIn(String actionId) {
        return builtIns.has(actionId);
    }

    /**
     * The step's first attempt, in the caller's (the engine's) transaction.
     *
     * @return what the completed step hands its run, its step recorded COMPLETED and taken; empty when
     *     the attempt failed (nothing of it is left) and the step is for the worker to make
     * @throws RuntimeException the action's failure, when it marked the transaction for rollback
     */
    Optional<ActionExecutions.Taken> makeInRun(LocationId locationId, String runId, String executionId,
                                               String activityId, String actionId, Map<String, String> inputs,
                                               Optional<String> contactId, int maxAttempts) {
        if (toWorker.contains(runId)) {
            return Optional.empty();
        }
        BuiltInActions.Entry entry = builtIns.find(actionId)
                .orElseThrow(() -> new IllegalArgumentException(actionId + " is not a built-in action"));
        try {
            return Optional.of(savepoints.run(() -> {
                ActionExecutions.Claimed step = executions.begin(locationId, runId, executionId, activityId, actionId,
                        inputs, contactId, maxAttempts, node.id());
                BuiltInStep context = context(step);
                Map<String, String> outputs = perform(step, entry, context);
                executions.markContinued(step.id());
                return new ActionExecutions.Taken(outputs, Map.copyOf(context.variables()));
            }));
        } catch (Savepoints.Failed failed) {
            if (!failed.contained()) {
                toWorker.add(runId);
                throw new IllegalStateException("step '" + activityId + "' (" + actionId + ") failed in the run's"
                        + " transaction, which must roll back; the engine tries again and the step is then made by"
                        + " the action worker: " + BuiltInFailures.describe(entry.spec(), failed.getCause()),
                        failed.getCause());
            }
            LOG.fine(() -> "Step '" + activityId + "' (" + actionId + ") of run " + runId + " failed in the run's"
                    + " transaction; the action worker makes it: " + failed.getMessage());
            return Optional.empty();
        }
    }

    /** What the step knows of where it runs. */
    BuiltInStep context(ActionExecutions.Claimed step) {
        return new BuiltInStep(step.locationId(), step.runId(),
                () -> runs.find(step.locationId(), step.runId()).map(WorkflowRuns.Run::workflowKey).orElse(""),
                step.activityId(), step.id(), step.contactId().map(UUID::fromString));
    }

    /**
     * One attempt of a claimed step, in the caller's transaction: the action's work and the step's
     * completion.
     *
     * @return the step's outputs
     * @throws ActionFailure when the inputs do not fit, the action refused, or the step was cancelled meanwhile
     */
    Map<String, String> perform(ActionExecutions.Claimed step, BuiltInActions.Entry entry, BuiltInStep context) {
        ActionSpec spec = entry.spec();
        Record input;
        try {
            input = RecordValues.bind(spec.input(), step.inputs());
        } catch (RecordValues.InvalidValues | IllegalArgumentException e) {
            throw new ActionFailure("the task's inputs do not fit " + spec.id() + ": " + e.getMessage());
        }
        Record output = entry.action().run(input, context);
        Map<String, String> outputs = output == null ? Map.of() : RecordValues.text(output);
        if (!executions.completed(step, spec.pluginId(), spec.pluginVersion(), context.summary() == null ? ""
                : context.summary(), outputs, context.variables(), null, context.lines())) {
            // rolls the action's writes back with it
            throw new ActionFailure("the step was cancelled while it was being made");
        }
        return outputs;
    }
}
