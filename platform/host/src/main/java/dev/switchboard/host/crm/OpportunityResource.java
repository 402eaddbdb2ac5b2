package dev.switchboard.host.crm;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.crm.Actor;
import dev.switchboard.core.crm.pipelines.Opportunities;
import dev.switchboard.core.crm.pipelines.Opportunity;
import dev.switchboard.core.crm.pipelines.OpportunityQuery;
import dev.switchboard.core.crm.pipelines.OpportunitySearch;
import dev.switchboard.core.crm.pipelines.OpportunityStageChange;
import dev.switchboard.core.crm.pipelines.OpportunityStatus;
import dev.switchboard.core.paging.Page;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.Ids;
import dev.switchboard.host.JsonBodies;
import dev.switchboard.host.Paging;
import dev.switchboard.host.auth.Requires;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Opportunities of a location. */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}/opportunities")
@Tag(name = "Opportunities", description = "Deals with contacts, in the stages of a pipeline")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OpportunityResource {

    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String OPPORTUNITY_EXAMPLE = """
            {"name": "Analytical engine, 3 units", "contactId": "5f0c9e5e-8d1c-4b9e-9a53-3f3b0e6c2a11",
             "pipelineId": "0b7d2f64-1c2e-4a8f-8d9a-6e5b4c3a2f10", "pipelineStageId": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
             "status": "open", "monetaryValue": 5000, "currency": "USD", "source": "webinar",
             "customFields": {"probability": 60}}""";

    @Inject
    Opportunities opportunities;

    @Inject
    OpportunitySearch search;

    @Inject
    TenantScope tenant;

    /** A page of opportunities. */
    @Schema(name = "OpportunityPage")
    public record OpportunityPage(List<Opportunity> items,
                                  @Schema(description = "Pass as cursor for the next page; absent on the last page")
                                  String nextCursor) {
    }

    /** A page of an opportunity's stage history. */
    @Schema(name = "StageHistoryPage")
    public record StageHistoryPage(List<OpportunityStageChange> items,
                                   @Schema(description = "Pass as cursor for later entries; absent at the end")
                                   String nextCursor) {
    }

    @POST
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "createOpportunity", summary = "Create an opportunity",
            description = "Without pipelineStageId it enters the pipeline's first stage; status is open and currency USD"
                    + " unless given. The contact, pipeline, stage (of that pipeline) and assignee must be of this location.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Opportunity.class),
            examples = @ExampleObject(name = "opportunity", value = OPPORTUNITY_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The new opportunity; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Opportunity.class)))
    public Response create(JsonValue body, @Context UriInfo uri) {
        Opportunity opportunity = opportunities.create(tenant.locationId(), JsonBodies.object(body), actor());
        return Response.created(uri.getAbsolutePathBuilder().path(opportunity.id().toString()).build())
                .entity(opportunity).build();
    }

    @GET
    @Operation(operationId = "listOpportunities", summary = "The location's opportunities: filter, sort, page",
            description = "Keyset paging: pass the answer's nextCursor as cursor for the next page. A board stage's"
                    + " nextCursor continues that stage with pipelineStageId and the default sort. Opportunities of"
                    + " contacts in the trash are left out.")
    public OpportunityPage list(
            @QueryParam("pipelineId") String pipelineId,
            @QueryParam("pipelineStageId") String pipelineStageId,
            @QueryParam("contactId") String contactId,
            @Parameter(description = "open, won, lost or abandoned") @QueryParam("status") String status,
            @Parameter(description = "User id of the assignee") @QueryParam("assignedTo") String assignedTo,
            @Parameter(description = "updatedAt (default) or createdAt") @QueryParam("sort") String sort,
            @Parameter(description = "asc or desc (default)") @QueryParam("order") String order,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        OpportunityStatus wanted = null;
        if (status != null && !status.isBlank()) {
            wanted = OpportunityStatus.fromApi(status.trim()).orElseThrow(() -> ProblemException.invalid(
                    FieldError.parameter("status", "status must be open, won, lost or abandoned, was " + Texts.quote(status))));
        }
        if (order != null && !order.isBlank() && !order.equals("asc") && !order.equals("desc")) {
            throw ProblemException.invalid(FieldError.parameter("order", "order must be asc or desc"));
        }
        Page<Opportunity> page = search.list(tenant.locationId(), new OpportunityQuery(uuid("pipelineId", pipelineId),
                uuid("pipelineStageId", pipelineStageId), uuid("contactId", contactId), wanted, uuid("assignedTo", assignedTo),
                sort, "asc".equals(order), Paging.limit(limit), cursor));
        return new OpportunityPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("{opportunityId}")
    @Operation(operationId = "getOpportunity", summary = "An opportunity")
    public Opportunity get(@PathParam("opportunityId") String opportunityId) {
        return opportunities.find(tenant.locationId(), id(opportunityId))
                .orElseThrow(() -> ProblemException.notFound("opportunity " + opportunityId));
    }

    @PATCH
    @Path("{opportunityId}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "updateOpportunity", summary = "Change an opportunity by JSON merge patch (RFC 7396)",
            description = "Members given are set, null clears them, absent ones stay; customFields merges by key. A new"
                    + " pipelineId without pipelineStageId puts it in that pipeline's first stage. Leaving status lost"
                    + " clears lostReason. Stage, status and value changes are recorded and start workflows.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = Opportunity.class),
            examples = @ExampleObject(name = "won", value = "{\"pipelineStageId\": \"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\","
                    + " \"status\": \"won\", \"monetaryValue\": 7500}")))
    public Opportunity update(@PathParam("opportunityId") String opportunityId, JsonValue patch) {
        return opportunities.patch(tenant.locationId(), id(opportunityId), JsonBodies.object(patch), actor());
    }

    @DELETE
    @Path("{opportunityId}")
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "deleteOpportunity", summary = "Delete an opportunity",
            description = "For good, with its stage history; its history stays on the contact's timeline.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("opportunityId") String opportunityId) {
        opportunities.delete(tenant.locationId(), id(opportunityId), actor());
        return Response.noContent().build();
    }

    @GET
    @Path("{opportunityId}/stage-history")
    @Operation(operationId = "getOpportunityStageHistory", summary = "The stages an opportunity entered, oldest first",
            description = "From its creation on, with the stages' names as they were then.")
    public StageHistoryPage stageHistory(@PathParam("opportunityId") String opportunityId,
                                         @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Page<OpportunityStageChange> page = opportunities.stageHistory(tenant.locationId(), id(opportunityId),
                Paging.limit(limit), cursor);
        return new StageHistoryPage(page.items(), page.nextCursor());
    }

    private static UUID uuid(String parameter, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(FieldError.parameter(parameter, parameter + " must be an id, was " + Texts.quote(raw)));
        }
    }

    private static UUID id(String opportunityId) {
        return Ids.parse(opportunityId, "opportunity");
    }

    private Actor actor() {
        return Actor.user(tenant.user().id());
    }
}
