package dev.switchboard.bpmn.triggers;

import dev.switchboard.bpmn.engine.WorkflowLimits;
import dev.switchboard.bpmn.runs.WorkflowActivityCondition;
import dev.switchboard.bpmn.runs.WorkflowRuns;
import dev.switchboard.bpmn.workflows.Workflows;
import dev.switchboard.core.crm.Actor;
import dev.switchboard.core.crm.bulk.BulkAction;
import dev.switchboard.core.jobs.JobPaused;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * {@code {"action": "startWorkflow", "options": {"workflow": "nurture"}}}: starts the workflow's
 * published version for each contact, whatever its trigger, in the transaction of the job's round,
 * so that a round that does not commit starts nothing and none is started twice. While the location
 * has as many runs in flight as its limit allows, the job pauses and resumes later.
 */
@ApplicationScoped
public class StartWorkflowAction implements BulkAction {

    private static final Duration BACKPRESSURE = Duration.ofSeconds(10);

    @Inject
    WorkflowStarter starter;

    @Inject
    Workflows workflows;

    @Inject
    WorkflowRuns runs;

    @Inject
    WorkflowLimits limits;

    @Override
    public String name() {
        return "startWorkflow";
    }

    @Override
    public String description() {
        return "Start a published workflow for each contact";
    }

    @Override
    public JsonObject schema() {
        return Json.createObjectBuilder().add("type", "object")
                .add("properties", Json.createObjectBuilder().add("workflow", Json.createObjectBuilder().add("type", "string")
                        .add("description", "The workflow's key")))
                .add("required", Json.createArrayBuilder().add("workflow"))
                .add("additionalProperties", false).build();
    }

    @Override
    public JsonObject prepare(LocationId locationId, JsonObject options, Violations violations) {
        options.keySet().stream().filter(key -> !key.equals("workflow"))
                .forEach(key -> violations.at("/options/" + key, "not an option of startWorkflow; it has workflow"));
        if (!(options.get("workflow") instanceof JsonString key) || key.getString().isBlank()
                || key.getString().length() > WorkflowActivityCondition.MAX_KEY) {
            violations.at("/options/workflow", "workflow is the key of a published workflow");
            return null;
        }
        if (workflows.find(locationId, key.getString()).isEmpty()) {
            violations.at("/options/workflow", "no published workflow has the key " + Texts.quote(key.getString()) + " in this location");
            return null;
        }
        return Json.createObjectBuilder().add("workflow", key.getString()).build();
    }

    @Override
    public boolean apply(LocationId locationId, UUID contactId, JsonObject options, Actor actor, UUID jobId) {
        int limit = limits.maxRunsInFlightPerLocation();
        int inFlight = runs.inFlight(locationId, limit);
        if (inFlight >= limit) {
            throw new JobPaused("the location has " + inFlight + " runs in flight, the limit "
                    + "(switchboard.workflows.max-runs-in-flight-per-location)", BACKPRESSURE);
        }
        // a contact the workflow's re-entry policy keeps out is left as it is, not an error
        return starter.startFor(locationId, options.getString("workflow"), contactId,
                Map.of("eventType", "bulk-action", "jobId", jobId.toString())).started();
    }
}
