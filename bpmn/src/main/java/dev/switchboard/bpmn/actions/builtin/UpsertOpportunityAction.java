package dev.switchboard.bpmn.actions.builtin;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.schema.Field;
import dev.switchboard.core.crm.contacts.Contacts;
import dev.switchboard.core.crm.pipelines.Opportunities;
import dev.switchboard.core.crm.pipelines.Opportunity;
import dev.switchboard.core.crm.pipelines.Pipeline;
import dev.switchboard.core.crm.pipelines.PipelineStage;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.plugins.actions.ActionFailure;
import dev.switchboard.core.plugins.actions.BuiltInAction;
import dev.switchboard.core.plugins.actions.BuiltInStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.switchboard.core.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * Puts the run's contact into a pipeline stage: its open opportunity in that pipeline moves there, or,
 * when it has none, a new one is created there (named after the contact unless a name is given).
 */
@ApplicationScoped
@Action(id = "opportunity.upsert", name = "Create or move opportunity",
        description = "Moves the contact's open opportunity in a pipeline to a stage, or creates one there",
        input = UpsertOpportunityAction.Input.class, output = UpsertOpportunityAction.Output.class)
public class UpsertOpportunityAction implements BuiltInAction<UpsertOpportunityAction.Input, UpsertOpportunityAction.Output> {

    public record Input(
            @Field(title = "Pipeline", required = true, maxLength = 100, description = "The pipeline's name or id",
                    example = "Sales") String pipeline,
            @Field(title = "Stage", maxLength = 100, description = "The stage's name or id; empty for the first",
                    example = "Qualified") String stage,
            @Field(title = "Name", maxLength = 200, description = "For a new opportunity; the contact's name if empty")
            String name,
            @Field(title = "Value", description = "The monetary value, in the location's currency") BigDecimal value) {
    }

    public record Output(@Field(title = "Opportunity id") String opportunityId,
                         @Field(title = "Created", description = "Whether a new opportunity was created") boolean created) {
    }

    @Inject
    PipelineNames pipelines;

    @Inject
    Opportunities opportunities;

    @Inject
    Contacts contacts;

    @Inject
    Database db;

    @Override
    public Output run(Input input, BuiltInStep step) {
        UUID contactId = step.requireContact();
        Pipeline pipeline = pipelines.pipeline(step.locationId(), input.pipeline());
        PipelineStage stage = input.stage() == null || input.stage().isBlank() ? pipeline.stages().get(0)
                : PipelineNames.stage(pipeline, input.stage());
        Optional<UUID> open = db.queryOne("""
                SELECT id FROM opportunity WHERE location_id = ? AND contact_id = ? AND pipeline_id = ? AND status = 'OPEN'
                ORDER BY created_at DESC, id LIMIT 1""", row -> row.getObject(1, UUID.class),
                step.locationId(), contactId, pipeline.id());
        JsonObjectBuilder body = Json.createObjectBuilder().add("pipelineStageId", stage.id().toString());
        if (input.value() != null) {
            body.add("monetaryValue", input.value());
        }
        if (open.isPresent()) {
            Opportunity moved = opportunities.patch(step.locationId(), open.get(), body.build(), step.actor());
            step.summarize("moved '" + moved.name() + "' to " + pipeline.name() + " / " + stage.name());
            return new Output(moved.id().toString(), false);
        }
        String name = input.name() != null && !input.name().isBlank() ? input.name()
                : contacts.find(step.locationId(), contactId).map(contact -> contact.name())
                        .filter(contactName -> contactName != null && !contactName.isBlank())
                        .orElseThrow(() -> new ActionFailure("the contact has no name to give the opportunity; set one"));
        Opportunity created = opportunities.create(step.locationId(), body.add("name", name)
                .add("contactId", contactId.toString()).add("pipelineId", pipeline.id().toString()).build(), step.actor());
        step.summarize("created '" + created.name() + "' in " + pipeline.name() + " / " + stage.name());
        return new Output(created.id().toString(), true);
    }
}
