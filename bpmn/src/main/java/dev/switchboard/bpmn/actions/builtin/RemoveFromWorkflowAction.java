package dev.switchboard.bpmn.actions.builtin;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.schema.Field;
import dev.switchboard.bpmn.engine.WorkflowEngine;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.plugins.actions.BuiltInAction;
import dev.switchboard.core.plugins.actions.BuiltInStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * Ends the contact's running runs of another workflow (or other runs of this one), as cancelled: a
 * contact who booked leaves the nurture sequence.
 */
@ApplicationScoped
@Action(id = "workflow.remove_contact", name = "Remove from workflow",
        description = "Cancels the contact's running runs of a workflow", input = RemoveFromWorkflowAction.Input.class,
        output = RemoveFromWorkflowAction.Output.class)
public class RemoveFromWorkflowAction implements BuiltInAction<RemoveFromWorkflowAction.Input, RemoveFromWorkflowAction.Output> {

    /** Most runs one step cancels; a contact rarely has more than one run of a workflow. */
    static final int MAX_RUNS = 100;

    public record Input(@Field(title = "Workflow", required = true, maxLength = 255,
            description = "The key of the workflow (its process id)", example = "lead-nurture") String workflow) {
    }

    public record Output(@Field(title = "Runs cancelled") int cancelled) {
    }

    @Inject
    Database db;

    @Inject
    WorkflowEngine engine;

    @Override
    public Output run(Input input, BuiltInStep step) {
        String key = input.workflow().trim();
        UUID contactId = step.requireContact();
        List<String> running = db.query("""
                SELECT id FROM workflow_run
                WHERE location_id = ? AND contact_id = ? AND workflow_key = ? AND state = 'RUNNING' AND id <> ?
                ORDER BY started_at LIMIT ?""", row -> row.getString(1),
                step.locationId(), contactId.toString(), key, step.runId(), MAX_RUNS);
        int cancelled = 0;
        for (String runId : running) {
            if (engine.cancel(step.locationId(), runId, "removed by run " + step.runId() + " of " + step.workflowKey())) {
                cancelled++;
            }
        }
        step.summarize(cancelled == 0 ? "the contact had no running run of " + key
                : "cancelled " + cancelled + " run(s) of " + key);
        return new Output(cancelled);
    }
}
