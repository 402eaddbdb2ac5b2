package dev.switchboard.bpmn.actions.builtin;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.schema.Field;
import dev.switchboard.bpmn.triggers.WorkflowStarter;
import dev.switchboard.bpmn.workflows.Workflows;
import dev.switchboard.core.plugins.actions.ActionFailure;
import dev.switchboard.core.plugins.actions.BuiltInAction;
import dev.switchboard.core.plugins.actions.BuiltInStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;

/**
 * Starts another workflow of the location for the run's contact, whatever that workflow's trigger: the
 * new run starts if and only if this step completes.
 */
@ApplicationScoped
@Action(id = "workflow.add_contact", name = "Add to workflow",
        description = "Starts another workflow for the contact", input = AddToWorkflowAction.Input.class,
        output = AddToWorkflowAction.Output.class)
public class AddToWorkflowAction implements BuiltInAction<AddToWorkflowAction.Input, AddToWorkflowAction.Output> {

    public record Input(@Field(title = "Workflow", required = true, maxLength = 255,
            description = "The key of the workflow (its process id)", example = "lead-nurture") String workflow) {
    }

    public record Output(@Field(title = "Run id", description = "The run started in the other workflow") String runId) {
    }

    @Inject
    Workflows workflows;

    @Inject
    WorkflowStarter starter;

    @Override
    public Output run(Input input, BuiltInStep step) {
        String key = input.workflow().trim();
        UUID contactId = step.requireContact();
        if (key.equals(step.workflowKey())) {
            throw new ActionFailure("a run cannot add its contact to its own workflow again; model a loop instead");
        }
        if (workflows.find(step.locationId(), key).isEmpty()) {
            throw new ActionFailure("the location has no workflow '" + key + "'");
        }
        WorkflowStarter.Entry entry = starter.startFor(step.locationId(), key, contactId, Map.of("startedBy", step.runId()));
        if (!entry.started()) {
            step.summarize("not added to " + key + ": " + entry.refusal().reason());
            return new Output("");
        }
        step.summarize("started " + key + " (run " + entry.runId() + ")");
        return new Output(entry.runId());
    }
}
