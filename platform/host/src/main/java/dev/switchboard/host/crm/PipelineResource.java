package dev.switchboard.host.crm;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.crm.Actor;
import dev.switchboard.core.crm.pipelines.NewPipeline;
import dev.switchboard.core.crm.pipelines.NewStage;
import dev.switchboard.core.crm.pipelines.Pipeline;
import dev.switchboard.core.crm.pipelines.PipelineBoard;
import dev.switchboard.core.crm.pipelines.PipelineBoards;
import dev.switchboard.core.crm.pipelines.PipelineRename;
import dev.switchboard.core.crm.pipelines.Pipelines;
import dev.switchboard.core.crm.pipelines.StageOrder;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.Ids;
import dev.switchboard.host.JsonBodies;
import dev.switchboard.host.auth.Requires;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** Pipelines of a location, their stages, and their boards. */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}/pipelines")
@Tag(name = "Pipelines", description = "Sales pipelines: their stages in board order, and the board")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PipelineResource {

    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    Pipelines pipelines;

    @Inject
    PipelineBoards boards;

    @Inject
    TenantScope tenant;

    @GET
    @Operation(operationId = "listPipelines", summary = "The location's pipelines, oldest first, with their stages in board order",
            description = "A location has at most " + Pipelines.MAX_PIPELINES + " pipelines.")
    public List<Pipeline> list() {
        return pipelines.list(tenant.locationId());
    }

    @POST
    @Requires(Permission.LOCATION_SETTINGS)
    @Operation(operationId = "createPipeline", summary = "Create a pipeline with its stages",
            description = "1 to " + Pipelines.MAX_STAGES + " stages, in board order. Names are at most " + Pipelines.MAX_NAME
                    + " characters; a location's pipelines, and a pipeline's stages, have different names (ignoring case).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewPipeline.class),
            examples = @ExampleObject(name = "pipeline", value = "{\"name\": \"Sales\", \"stages\": [{\"name\": \"New lead\"},"
                    + " {\"name\": \"Qualified\"}, {\"name\": \"Proposal\"}, {\"name\": \"Won\"}]}")))
    @APIResponse(responseCode = "201", description = "The new pipeline; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Pipeline.class)))
    @APIResponse(responseCode = "409", description = "The name is taken, or the location has " + Pipelines.MAX_PIPELINES
            + " pipelines", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    public Response create(JsonValue body, @Context UriInfo uri) {
        Pipeline pipeline = pipelines.create(tenant.locationId(), JsonBodies.object(body));
        return Response.created(uri.getAbsolutePathBuilder().path(pipeline.id().toString()).build()).entity(pipeline).build();
    }

    @GET
    @Path("{pipelineId}")
    @Operation(operationId = "getPipeline", summary = "A pipeline with its stages in board order")
    public Pipeline get(@PathParam("pipelineId") String pipelineId) {
        return pipelines.find(tenant.locationId(), id(pipelineId))
                .orElseThrow(() -> ProblemException.notFound("pipeline " + pipelineId));
    }

    @PATCH
    @Path("{pipelineId}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Requires(Permission.LOCATION_SETTINGS)
    @Operation(operationId = "updatePipeline", summary = "Rename a pipeline",
            description = "Its stages change through the stage operations.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = PipelineRename.class),
            examples = @ExampleObject(name = "rename", value = "{\"name\": \"Enterprise sales\"}")))
    @APIResponse(responseCode = "409", description = "Another pipeline has the name",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    public Pipeline update(@PathParam("pipelineId") String pipelineId, JsonValue body) {
        return pipelines.rename(tenant.locationId(), id(pipelineId), JsonBodies.object(body));
    }

    @DELETE
    @Path("{pipelineId}")
    @Requires(Permission.LOCATION_SETTINGS)
    @Operation(operationId = "deletePipeline", summary = "Delete a pipeline and its stages",
            description = "Refused (409, naming how many) while opportunities are in it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The pipeline has opportunities",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    public Response delete(@PathParam("pipelineId") String pipelineId) {
        pipelines.delete(tenant.locationId(), id(pipelineId));
        return Response.noContent().build();
    }

    @POST
    @Path("{pipelineId}/stages")
    @Requires(Permission.LOCATION_SETTINGS)
    @Operation(operationId = "addPipelineStage", summary = "Add a stage to a pipeline",
            description = "At position (0 first; the stages from there on move right), or at the end. A pipeline has at"
                    + " most " + Pipelines.MAX_STAGES + " stages.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewStage.class),
            examples = @ExampleObject(name = "stage", value = "{\"name\": \"Negotiation\", \"position\": 2}")))
    @APIResponse(responseCode = "201", description = "The pipeline with its new stage",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Pipeline.class)))
    @APIResponse(responseCode = "409", description = "The pipeline has a stage of that name, or " + Pipelines.MAX_STAGES
            + " stages", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    public Response addStage(@PathParam("pipelineId") String pipelineId, JsonValue body) {
        Pipeline pipeline = pipelines.addStage(tenant.locationId(), id(pipelineId), JsonBodies.object(body));
        return Response.status(Response.Status.CREATED).entity(pipeline).build();
    }

    @PATCH
    @Path("{pipelineId}/stages/{stageId}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Requires(Permission.LOCATION_SETTINGS)
    @Operation(operationId = "renamePipelineStage", summary = "Rename a stage",
            description = "The stage history keeps the names stages had when opportunities entered them.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = PipelineRename.class),
            examples = @ExampleObject(name = "rename", value = "{\"name\": \"Proposal sent\"}")))
    @APIResponse(responseCode = "409", description = "Another stage of the pipeline has the name",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    public Pipeline renameStage(@PathParam("pipelineId") String pipelineId, @PathParam("stageId") String stageId,
                                JsonValue body) {
        return pipelines.renameStage(tenant.locationId(), id(pipelineId), stageId(stageId), JsonBodies.object(body));
    }

    @PUT
    @Path("{pipelineId}/stage-order")
    @Requires(Permission.LOCATION_SETTINGS)
    @Operation(operationId = "reorderPipelineStages", summary = "Put a pipeline's stages in a new order",
            description = "stageIds lists every stage of the pipeline, each once, in the new board order.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StageOrder.class),
            examples = @ExampleObject(name = "order", value = "{\"stageIds\": [\"5f0c9e5e-8d1c-4b9e-9a53-3f3b0e6c2a11\","
                    + " \"0b7d2f64-1c2e-4a8f-8d9a-6e5b4c3a2f10\"]}")))
    public Pipeline reorder(@PathParam("pipelineId") String pipelineId, JsonValue body) {
        return pipelines.reorder(tenant.locationId(), id(pipelineId), JsonBodies.object(body));
    }

    @DELETE
    @Path("{pipelineId}/stages/{stageId}")
    @Requires(Permission.LOCATION_SETTINGS)
    @Operation(operationId = "deletePipelineStage", summary = "Delete a stage, moving its opportunities to another",
            description = "When the stage has opportunities, moveTo names the stage of the same pipeline they move to"
                    + " (each move is recorded: stage history, history, opportunity.stage_changed); without it the"
                    + " answer is 400. The last stage of a pipeline cannot be deleted (409).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "It is the pipeline's last stage",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    public Response deleteStage(@PathParam("pipelineId") String pipelineId, @PathParam("stageId") String stageId,
                                @Parameter(description = "The stage of the same pipeline that receives the opportunities")
                                @QueryParam("moveTo") String moveTo) {
        pipelines.deleteStage(tenant.locationId(), id(pipelineId), stageId(stageId), moveTo, actor());
        return Response.noContent().build();
    }

    @GET
    @Path("{pipelineId}/board")
    @Operation(operationId = "getPipelineBoard", summary = "A pipeline as a board: per stage, count, value and first cards",
            description = "Per stage in board order: how many opportunities it holds (whatever their status; those of"
                    + " contacts in the trash are left out), the sum of their monetaryValue per currency (amounts in"
                    + " different currencies are never added up), and the first limit cards, most recently updated"
                    + " first. A stage's nextCursor continues with GET opportunities?pipelineStageId=…&cursor=….")
    public PipelineBoard board(@PathParam("pipelineId") String pipelineId,
                               @Parameter(description = "Cards per stage: 1 to " + PipelineBoards.MAX_CARDS + ", default "
                                       + PipelineBoards.DEFAULT_CARDS) @QueryParam("limit") String limit) {
        return boards.board(tenant.locationId(), id(pipelineId), cards(limit));
    }

    private static int cards(String raw) {
        if (raw == null || raw.isBlank()) {
            return PipelineBoards.DEFAULT_CARDS;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= PipelineBoards.MAX_CARDS) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid(FieldError.parameter("limit", "limit must be a whole number from 1 to "
                + PipelineBoards.MAX_CARDS + ", was " + Texts.quote(raw)));
    }

    private static UUID id(String pipelineId) {
        return Ids.parse(pipelineId, "pipeline");
    }

    private static UUID stageId(String stageId) {
        return Ids.parse(stageId, "stage");
    }

    private Actor actor() {
        return Actor.user(tenant.user().id());
    }
}
