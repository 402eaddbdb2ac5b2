package dev.switchboard.bpmn.actions;

import dev.switchboard.bpmn.engine.WorkflowLimitExceeded;
import dev.switchboard.bpmn.engine.WorkflowLimits;
import dev.switchboard.core.crm.contacts.Contacts;
import dev.switchboard.core.crm.values.CustomValues;
import dev.switchboard.core.templates.MergeFields;
import dev.switchboard.core.tenancy.LocationId;
import dev.switchboard.core.tenancy.TenantDirectory;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.bpmn.behavior.TaskActivityBehavior;

/**
 * How the engine runs an {@code sb:action} task: as a wait state. Entering the task records the step
 * (its inputs rendered now, so every attempt sends the same thing) in the engine's transaction and
 * the run waits there; the {@link ActionWorker} makes the plugin call outside any transaction,
 * commits the outcome, and triggers the run on in a job of its own. A completed step therefore never
 * runs again because something after it failed: a retry of the continuation finds the step done.
 *
 * <p>A step of a built-in action (no call out of the platform) is made at once instead, in the
 * engine's transaction, and the run goes straight on: see {@link BuiltInSteps}. Should something after
 * it fail, the step's writes roll back with the rest, and the engine's next try makes it again.
 *
 * <p>One instance per task of a deployed workflow, shared by all its runs: it holds no per-run state.
 */
public final class ActionTaskBehavior extends TaskActivityBehavior {

    private static final long serialVersionUID = 1L;

    private final transient ActionExecutions executions;
    private final transient BuiltInSteps builtInSteps;
    private final transient Contacts contacts;
    private final transient CustomValues customValues;
    private final transient TenantDirectory tenants;
    private final transient WorkflowLimits limits;

    public ActionTaskBehavior(ActionExecutions executions, BuiltInSteps builtInSteps, Contacts contacts,
                              CustomValues customValues, TenantDirectory tenants, WorkflowLimits limits) {
        this.executions = executions;
        this.builtInSteps = builtInSteps;
        this.contacts = contacts;
        this.customValues = customValues;
        this.tenants = tenants;
        this.limits = limits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ActionTask task = ActionTask.of(execution.getCurrentFlowElement())
                .orElseThrow(() -> new FlowableException("task " + execution.getCurrentActivityId() + " names no sb:action"));
        LocationId locationId = LocationId.parse(execution.getTenantId());
        String runId = execution.getProcessInstanceId();
        if (executions.countInRun(runId) >= limits.maxActionsPerRun()) {
            throw new WorkflowLimitExceeded("the run reached " + limits.maxActionsPerRun() + " action steps at '"
                    + task.activityId() + "'; the limit is there to stop runaway loops"
                    + " (switchboard.workflows.max-actions-per-run)");
        }
        // the contact, the custom values and the location are read only when a template names them:
        // the plugin reads the contact live anyway (the step keeps its id)
        String templates = String.join("\n", task.inputs().values());
        Optional<String> contactId = contactIdOf(execution);
        Map<String, String> mergeValues = templates.contains("{{") ? mergeValues(locationId, contactId, templates) : Map.of();
        Map<String, String> inputs = new LinkedHashMap<>();
        task.inputs().forEach((name, template) -> inputs.put(name, MergeFields.render(template, mergeValues)));
        if (builtInSteps.isBuiltIn(task.actionId())) {
            Optional<ActionExecutions.Taken> made = builtInSteps.makeInRun(locationId, runId, execution.getId(),
                    task.activityId(), task.actionId(), inputs, contactId, limits.maxActionAttempts());
            if (made.isPresent()) {
                moveOn(execution, task, made.get());
                return;
            }
        }
        executions.enter(locationId, runId, execution.getId(), task.activityId(), task.actionId(), inputs,
                contactId, limits.maxActionAttempts());
        // no leave(): the run waits here until the step's outcome is committed and it is triggered
    }

    @Override
    public void trigger(DelegateExecution execution, String signalName, Object signalData) {
        String activityId = execution.getCurrentActivityId();
        Optional<ActionExecutions.Taken> taken = executions.takeCompleted(execution.getProcessInstanceId(), execution.getId(), activityId);
        if (taken.isEmpty()) {
            return; // not for a completed step of this task: the run keeps waiting
        }
        ActionTask task = ActionTask.of(execution.getCurrentFlowElement())
                .orElseThrow(() -> new FlowableException("task " + activityId + " names no sb:action"));
        moveOn(execution, task, taken.get());
    }

    /** Leaves the task with what its completed step hands the run: its outputs, and the variables it sets. */
    private void moveOn(DelegateExecution execution, ActionTask task, ActionExecutions.Taken step) {
        step.outputs().forEach((key, value) -> execution.setVariable(task.activityId() + "_" + key, value));
        step.variables().forEach(execution::setVariable);
        task.outputs().forEach(mapping -> execution.setVariable(mapping.variable(), mapping.read(step.outputs())));
        leave(execution);
    }

    /** The run's contact's id, when the run has one that is an id at all. */
    private static Optional<String> contactIdOf(DelegateExecution execution) {
        Object contactId = execution.getVariable("contactId");
        if (contactId == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(contactId.toString()).toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Map<String, String> mergeValues(LocationId locationId, Optional<String> contactId, String templates) {
        Map<String, String> values = new HashMap<>();
        if (templates.contains("location.")) {
            tenants.location(locationId).ifPresent(location -> values.put("location.name", location.name()));
        }
        if (templates.contains(CustomValues.MERGE_FIELD_PREFIX)) {
            customValues.byKey(locationId).forEach((key, value) -> values.put(CustomValues.MERGE_FIELD_PREFIX + key, value));
        }
        if (templates.contains("contact.")) {
            contactId.flatMap(id -> Contacts.basicMergeFieldsSuffice(templates)
                    ? contacts.mergeFields(locationId, UUID.fromString(id))
                    : contacts.allMergeFields(locationId, UUID.fromString(id))).ifPresent(values::putAll);
        }
        return values;
    }
}
