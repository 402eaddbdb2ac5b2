package dev.switchboard.host.bulk;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.crm.bulk.BulkAction;
import dev.switchboard.core.crm.bulk.BulkActions;
import dev.switchboard.core.jobs.Job;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.JsonBodies;
import dev.switchboard.host.auth.Requires;
import dev.switchboard.host.jobs.JobView;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bulk actions: one action (add or remove tags, start a workflow, delete) done to every contact of a
 * segment, a filter or a list, as a background job followed under {@code /jobs}.
 */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}/bulk-actions")
@Tag(name = "Bulk actions", description = "One action for many contacts, as a background job")
@Produces(MediaType.APPLICATION_JSON)
public class BulkActionResource {

    private static final String EXAMPLE = """
            {"action": "addTags", "options": {"tags": ["reengage-2026"]}, "segment": "6f1c2b9e-0d4a-4c1e-9a57-3b8e2f4d1c00"}""";

    @Inject
    BulkActions bulkActions;

    @Inject
    TenantScope tenant;

    /** What starts a bulk action. */
    @Schema(name = "BulkActionRequest")
    public record BulkActionRequest(
            @Schema(required = true, description = "addTags, removeTags, startWorkflow or delete") String action,
            @Schema(description = "The action's options: {tags} for the tag actions, {workflow} for startWorkflow")
            Object options,
            @Schema(description = "The contacts of this segment (one of segment, filter, contacts)") String segment,
            @Schema(description = "The contacts of this filter (docs/segments.md)") Object filter,
            @Schema(description = "These contacts, by id (at most 10,000)") List<String> contacts) {
    }

    @GET
    @Operation(operationId = "listBulkActions", summary = "The bulk actions there are, with the JSON Schema of their options")
    public JsonArray list() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (BulkAction action : bulkActions.actions().values()) {
            list.add(Json.createObjectBuilder().add("action", action.name()).add("description", action.description())
                    .add("options", action.schema()));
        }
        return list.build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "startBulkAction", summary = "Do an action to every contact of a segment, a filter or a list",
            description = "A background job: the contacts are counted now; those created after the request are left out. "
                    + "Follow it at Location; its errors (contacts it could not change) at /jobs/{jobId}/errors.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkActionRequest.class),
            examples = @ExampleObject(name = "tag a segment", value = EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "400", description = "An unknown action, options that do not fit, or no contacts named",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response start(JsonValue body, @Context UriInfo uri) {
        Job job = bulkActions.start(tenant.locationId(), JsonBodies.object(body), tenant.user().id());
        return JobView.accepted(job, uri);
    }
}
