package dev.switchboard.host.workflows;

import dev.switchboard.bpmn.workflows.WorkflowSummary;
import dev.switchboard.bpmn.workflows.WorkflowVersions;
import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.auth.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A workflow's drafts and versions: save a draft without publishing, publish it, list the versions with
 * who published each, open or publish an old one again, turn the workflow off and on, delete it, and
 * move running runs from one version to another.
 */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}")
@Tag(name = "Workflows", description = "Workflows of a location and their runs")
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowVersionResource {

    @Inject
    WorkflowVersions versions;

    @Inject
    TenantScope tenant;

    /** What a migration moves. */
    @Schema(name = "MigrationRequest")
    public record MigrationRequest(
            @Schema(required = true, description = "The version whose runs move") Integer fromVersion,
            @Schema(description = "The version they move to; the newest when absent") Integer toVersion,
            @Schema(description = "true: only validate, move nothing") Boolean dryRun) {
    }

    @GET
    @Path("workflow-drafts")
    @Operation(operationId = "listWorkflowDrafts",
            summary = "The location's drafts (at most 1,000), newest save of each; their problems come with each save")
    public List<WorkflowVersions.Draft> drafts() {
        return versions.drafts(tenant.locationId());
    }

    @PUT
    @Requires(Permission.LOCATION_WORKFLOWS)
    @Path("workflows/{key}/draft")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Operation(operationId = "saveWorkflowDraft", summary = "Save a draft of the workflow without publishing it",
            description = "Any BPMN 2.0 document that can be read is kept; problems lists, by element, what publishing it"
                    + " would refuse. Refused only when it is not well-formed, has a DOCTYPE, exceeds the limits or is not BPMN.")
    @APIResponse(responseCode = "200", description = "The draft as saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkflowVersions.Draft.class)))
    public WorkflowVersions.Draft saveDraft(@PathParam("key") String key, @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.TEXT_XML, schema = @Schema(type = SchemaType.STRING))}) InputStream body) {
        return versions.saveDraft(tenant.locationId(), key, WorkflowResource.read(body), tenant.user().email());
    }

    @GET
    @Path("workflows/{key}/draft")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(operationId = "getWorkflowDraft", summary = "The BPMN XML of the workflow's draft")
    public String draft(@PathParam("key") String key) {
        return versions.draftXml(tenant.locationId(), key).orElseThrow(() -> ProblemException.notFound("draft of workflow " + key));
    }

    @DELETE
    @Requires(Permission.LOCATION_WORKFLOWS)
    @Path("workflows/{key}/draft")
    @Operation(operationId = "discardWorkflowDraft", summary = "Discard the workflow's draft")
    @APIResponse(responseCode = "204", description = "Discarded")
    public Response discardDraft(@PathParam("key") String key) {
        versions.discardDraft(tenant.locationId(), key);
        return Response.noContent().build();
    }

    @POST
    @Requires(Permission.LOCATION_WORKFLOWS)
    @Path("workflows/{key}/publish")
    @Operation(operationId = "publishWorkflowDraft", summary = "Publish the draft as the workflow's next version")
    @APIResponse(responseCode = "201", description = "The published version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkflowSummary.class)))
    @APIResponse(responseCode = "400", description = "What the draft lacks to run, by element",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response publish(@PathParam("key") String key, @Context UriInfo uri) {
        return created(versions.publishDraft(tenant.locationId(), key, tenant.user().email()), uri);
    }

    @GET
    @Path("workflows/{key}/versions")
    @Operation(operationId = "listWorkflowVersions", summary = "The workflow's published versions, newest first, with who published each")
    public List<WorkflowVersions.Version> list(@PathParam("key") String key) {
        return versions.versions(tenant.locationId(), key);
    }

    @GET
    @Path("workflows/{key}/versions/{version}/bpmn")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(operationId = "getWorkflowVersionBpmn", summary = "The BPMN XML of one version")
    public String bpmn(@PathParam("key") String key, @PathParam("version") String version) {
        return versions.bpmn(tenant.locationId(), key, version(version));
    }

    @POST
    @Requires(Permission.LOCATION_WORKFLOWS)
    @Path("workflows/{key}/versions/{version}/publish")
    @Operation(operationId = "republishWorkflowVersion", summary = "Publish an earlier version again as the newest (a rollback)")
    @APIResponse(responseCode = "201", description = "The new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkflowSummary.class)))
    public Response republish(@PathParam("key") String key, @PathParam("version") String version, @Context UriInfo uri) {
        return created(versions.republish(tenant.locationId(), key, version(version), tenant.user().email()), uri);
    }

    @POST
    @Requires(Permission.LOCATION_WORKFLOWS)
    @Path("workflows/{key}/disable")
    @Operation(operationId = "disableWorkflow", summary = "Turn the workflow off: no new runs; running runs go on")
    public WorkflowSummary disable(@PathParam("key") String key) {
        return EngineConflicts.retried(() -> versions.setEnabled(tenant.locationId(), key, false));
    }

    @POST
    @Requires(Permission.LOCATION_WORKFLOWS)
    @Path("workflows/{key}/enable")
    @Operation(operationId = "enableWorkflow", summary = "Turn the workflow on again")
    public WorkflowSummary enable(@PathParam("key") String key) {
        return EngineConflicts.retried(() -> versions.setEnabled(tenant.locationId(), key, true));
    }

    @DELETE
    @Requires(Permission.LOCATION_WORKFLOWS)
    @Path("workflows/{key}")
    @Operation(operationId = "deleteWorkflow", summary = "Delete the workflow; its runs' records stay")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "It has running or failed runs and cancelRuns is not true",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response delete(@PathParam("key") String key,
                           @Parameter(description = "true cancels its running and failed runs") @QueryParam("cancelRuns") String cancelRuns) {
        EngineConflicts.retried(() -> versions.delete(tenant.locationId(), key, "true".equals(cancelRuns), tenant.user().email()));
        return Response.noContent().build();
    }

    @POST
    @Requires(Permission.LOCATION_WORKFLOWS)
    @Path("workflows/{key}/migrations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "migrateWorkflowRuns",
            summary = "Move the running runs of one version to another (dryRun: only validate)")
    @APIResponse(responseCode = "200", description = "What the engine found, and whether the runs moved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkflowVersions.MigrationReport.class)))
    public WorkflowVersions.MigrationReport migrate(@PathParam("key") String key, MigrationRequest request) {
        if (request == null || request.fromVersion() == null) {
            throw ProblemException.invalid(FieldError.field("fromVersion", "fromVersion is the version whose runs move"));
        }
        return EngineConflicts.retried(() -> versions.migrate(tenant.locationId(), key, request.fromVersion(),
                request.toVersion(), Boolean.TRUE.equals(request.dryRun())));
    }

    private static int version(String text) {
        try {
            int version = Integer.parseInt(text);
            if (version > 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(FieldError.parameter("version", "a version is a whole number from 1"));
    }

    private Response created(WorkflowSummary summary, UriInfo uri) {
        return Response.created(uri.getBaseUriBuilder().path("locations").path(tenant.locationId().toString())
                .path("workflows").path(summary.key()).build()).entity(summary).build();
    }
}
