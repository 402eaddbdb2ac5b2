package dev.switchboard.bpmn.actions.builtin;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.schema.Field;
import dev.switchboard.core.crm.bulk.BulkActions;
import dev.switchboard.core.crm.segments.Segment;
import dev.switchboard.core.crm.segments.Segments;
import dev.switchboard.core.jobs.Job;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.plugins.actions.ActionFailure;
import dev.switchboard.core.plugins.actions.BuiltInAction;
import dev.switchboard.core.plugins.actions.BuiltInStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Starts a workflow for every contact of a segment, as the startWorkflow bulk action does (a background
 * job; each contact's start follows that workflow's re-entry policy). With a schedule's start event, a
 * date trigger: every morning, start "renewal reminder" for the segment "renewal in 30 days".
 */
@ApplicationScoped
@Action(id = "workflow.start_for_segment", name = "Start a workflow for a segment",
        description = "Starts a workflow for every contact of a segment, in a background job",
        input = StartForSegmentAction.Input.class, output = StartForSegmentAction.Output.class)
public class StartForSegmentAction implements BuiltInAction<StartForSegmentAction.Input, StartForSegmentAction.Output> {

    public record Input(
            @Field(title = "Workflow", required = true, maxLength = 255, description = "The key of the workflow to start",
                    example = "renewal-reminder") String workflow,
            @Field(title = "Segment", required = true, maxLength = Segments.MAX_NAME,
                    description = "The segment's name or id", example = "Renewal in 30 days") String segment) {
    }

    public record Output(@Field(title = "Job id", description = "The bulk action's job: its progress at /jobs/{id}")
                         String jobId,
                         @Field(title = "Contacts", description = "How many contacts the segment had") long contacts) {
    }

    @Inject
    Segments segments;

    @Inject
    BulkActions bulkActions;

    @Override
    public Output run(Input input, BuiltInStep step) {
        Segment segment = Named.find(segments.list(step.locationId()), input.segment(), Segment::id, Segment::name)
                .orElseThrow(() -> new ActionFailure("the location has no segment '" + input.segment().trim() + "'"));
        Job job = bulkActions.start(step.locationId(), Json.createObjectBuilder().add("action", "startWorkflow")
                .add("options", Json.createObjectBuilder().add("workflow", input.workflow().trim()))
                .add("segment", segment.id().toString()).build(), null);
        // the job counts the segment's contacts when it is queued; its progress total follows when it runs
        long contacts = job.parameters().containsKey("total") ? job.parameters().getJsonNumber("total").longValue() : 0;
        step.summarize("starting " + input.workflow().trim() + " for the " + contacts + " contact(s) of " + segment.name());
        return new Output(job.id().toString(), contacts);
    }
}
