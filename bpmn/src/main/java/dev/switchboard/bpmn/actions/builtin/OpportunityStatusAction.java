package dev.switchboard.bpmn.actions.builtin;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.schema.Field;
import dev.switchboard.core.crm.pipelines.Opportunities;
import dev.switchboard.core.crm.pipelines.Opportunity;
import dev.switchboard.core.crm.pipelines.Pipeline;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.plugins.actions.ActionFailure;
import dev.switchboard.core.plugins.actions.BuiltInAction;
import dev.switchboard.core.plugins.actions.BuiltInStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.switchboard.core.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;
import java.util.UUID;

/** Marks the contact's latest opportunity in a pipeline open, won, lost or abandoned. */
@ApplicationScoped
@Action(id = "opportunity.set_status", name = "Change opportunity status",
        description = "Marks the contact's latest opportunity in a pipeline open, won, lost or abandoned",
        input = OpportunityStatusAction.Input.class, output = OpportunityStatusAction.Output.class)
public class OpportunityStatusAction implements BuiltInAction<OpportunityStatusAction.Input, OpportunityStatusAction.Output> {

    /** The statuses, as the API writes them. */
    public enum Status { open, won, lost, abandoned }

    public record Input(
            @Field(title = "Pipeline", required = true, maxLength = 100, description = "The pipeline's name or id",
                    example = "Sales") String pipeline,
            @Field(title = "Status", required = true) Status status,
            @Field(title = "Lost reason", maxLength = 500, description = "Kept when the status is lost") String lostReason) {
    }

    public record Output(@Field(title = "Opportunity id") String opportunityId) {
    }

    @Inject
    PipelineNames pipelines;

    @Inject
    Opportunities opportunities;

    @Inject
    Database db;

    @Override
    public Output run(Input input, BuiltInStep step) {
        UUID contactId = step.requireContact();
        Pipeline pipeline = pipelines.pipeline(step.locationId(), input.pipeline());
        UUID id = db.queryOne("""
                SELECT id FROM opportunity WHERE location_id = ? AND contact_id = ? AND pipeline_id = ?
                ORDER BY created_at DESC, id LIMIT 1""", row -> row.getObject(1, UUID.class),
                step.locationId(), contactId, pipeline.id())
                .orElseThrow(() -> new ActionFailure("the contact has no opportunity in pipeline '" + pipeline.name() + "'"));
        JsonObjectBuilder patch = Json.createObjectBuilder().add("status", input.status().name());
        if (input.status() == Status.lost && input.lostReason() != null && !input.lostReason().isBlank()) {
            patch.add("lostReason", input.lostReason());
        }
        Opportunity changed = opportunities.patch(step.locationId(), id, patch.build(), step.actor());
        step.summarize("'" + changed.name() + "' is " + input.status().name().toLowerCase(Locale.ROOT));
        return new Output(changed.id().toString());
    }
}
