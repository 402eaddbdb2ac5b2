package dev.switchboard.host.workflows;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.host.auth.Requires;
import dev.switchboard.bpmn.runs.WorkflowRuns;
import dev.switchboard.bpmn.workflows.RunIncidents;
import dev.switchboard.bpmn.workflows.WorkflowRun;
import dev.switchboard.bpmn.workflows.WorkflowSummary;
import dev.switchboard.bpmn.workflows.Workflows;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.Paging;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Workflows (BPMN processes) of a location, and their runs. */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}")
@Tag(name = "Workflows", description = "Workflows of a location and their runs")
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowResource {

    @Inject
    Workflows workflows;

    @Inject
    RunIncidents incidents;

    @Inject
    TenantScope tenant;

    @Operation(operationId = "listWorkflows", summary = "The location's workflows, latest versions")
    @GET
    @Path("workflows")
    public List<WorkflowSummary> list() {
        return workflows.list(tenant.locationId());
    }

    /** Deploys the BPMN 2.0 XML in the body as the next version of its workflow (key = process id). */
    @POST
    @Requires(Permission.LOCATION_WORKFLOWS)
    @Path("workflows")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Operation(operationId = "deployWorkflow", summary = "Deploy BPMN 2.0 XML as the next version of its workflow")
    @APIResponse(responseCode = "201", description = "The deployed version; Location names the workflow",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkflowSummary.class)))
    @APIResponse(responseCode = "413", description = "The document is larger than 2 MB", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response deploy(@RequestBody(required = true, description = "A BPMN 2.0 document in the platform's profile", content = {
            @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.TEXT_XML, schema = @Schema(type = SchemaType.STRING))}) InputStream body, @Context UriInfo uri) {
        WorkflowSummary deployed = workflows.deploy(tenant.locationId(), read(body), tenant.user().email());
        return Response.created(uri.getAbsolutePathBuilder().path(deployed.key()).build()).entity(deployed).build();
    }

    @Operation(operationId = "getWorkflow", summary = "A workflow's latest version")
    @GET
    @Path("workflows/{key}")
    public WorkflowSummary get(@PathParam("key") String key) {
        return workflows.find(tenant.locationId(), key).orElseThrow(() -> ProblemException.notFound("workflow " + key));
    }

    /** What starts a workflow by hand. */
    @Schema(name = "ManualStart")
    public record ManualStart(@Schema(required = true, description = "The contact to start it for") String contactId) {
    }

    @POST
    @Requires(Permission.LOCATION_CONTACTS)
    @Path("workflows/{key}/runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startWorkflowRun",
            summary = "Start a workflow for one contact, whatever its trigger (for a segment: the startWorkflow bulk action)")
    @APIResponse(responseCode = "201", description = "The run; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkflowRun.class)))
    @APIResponse(responseCode = "409", description = "The workflow's re-entry policy, or loop protection, keeps the contact out",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response start(@PathParam("key") String key, ManualStart body, @Context UriInfo uri) {
        if (body == null || body.contactId() == null || body.contactId().isBlank()) {
            throw ProblemException.invalid(FieldError.field("contactId", "contactId is the id of the contact to start it for"));
        }
        UUID contactId;
        try {
            contactId = UUID.fromString(body.contactId().trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(FieldError.field("contactId", "contactId is a contact's id (a UUID)"));
        }
        WorkflowRun run = workflows.startFor(tenant.locationId(), key, contactId);
        return Response.created(uri.getBaseUriBuilder().path("locations").path(tenant.locationId().toString())
                .path("workflow-runs").path(run.id()).build()).entity(run).build();
    }

    @Operation(operationId = "getWorkflowBpmn", summary = "The BPMN XML of a workflow's latest version")
    @GET
    @Path("workflows/{key}/bpmn")
    @Produces(MediaType.APPLICATION_XML)
    public String bpmn(@PathParam("key") String key) {
        return workflows.bpmn(tenant.locationId(), key);
    }

    @Operation(operationId = "listWorkflowRuns", summary = "Runs of the location's workflows, newest first")
    @GET
    @Path("workflow-runs")
    public List<WorkflowRun> runs(@QueryParam("workflow") String workflowKey, @QueryParam("contactId") String contactId,
                                  @Parameter(description = "RUNNING, COMPLETED, CANCELLED or FAILED (FAILED: the incidents)")
                                  @QueryParam("state") String state,
                                  @QueryParam("limit") String limit) {
        if (state != null && !WorkflowRuns.STATES.contains(state)) {
            throw ProblemException.invalid(FieldError.parameter("state", "must be one of " + WorkflowRuns.STATES));
        }
        return workflows.runs(tenant.locationId(), workflowKey, contactId, state, Paging.limit(limit));
    }

    @Operation(operationId = "getWorkflowRun", summary = "A run with its step log")
    @GET
    @Path("workflow-runs/{runId}")
    public WorkflowRun run(@PathParam("runId") String runId) {
        return workflows.run(tenant.locationId(), runId).orElseThrow(() -> ProblemException.notFound("workflow run " + runId));
    }

    @POST
    @Requires(Permission.LOCATION_WORKFLOWS)
    @Path("workflow-runs/{runId}/retry")
    @Operation(operationId = "retryWorkflowRun",
            summary = "Retry a failed run: its failed step gets new attempts, or its parked engine job runs again")
    @APIResponse(responseCode = "200", description = "The run, RUNNING again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkflowRun.class)))
    @APIResponse(responseCode = "409", description = "The run is not failed, or has nothing left to retry",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public WorkflowRun retry(@PathParam("runId") String runId) {
        EngineConflicts.retried(() -> incidents.retry(tenant.locationId(), runId));
        return run(runId);
    }

    @POST
    @Requires(Permission.LOCATION_WORKFLOWS)
    @Path("workflow-runs/{runId}/skip")
    @Operation(operationId = "skipWorkflowRunStep",
            summary = "Skip the failed action step of a failed run: the run goes on as if the step had completed")
    @APIResponse(responseCode = "200", description = "The run, RUNNING again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkflowRun.class)))
    @APIResponse(responseCode = "409", description = "The run is not failed, or did not fail in an action step",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public WorkflowRun skip(@PathParam("runId") String runId) {
        EngineConflicts.retried(() -> incidents.skip(tenant.locationId(), runId, tenant.user().email()));
        return run(runId);
    }

    @POST
    @Requires(Permission.LOCATION_WORKFLOWS)
    @Path("workflow-runs/{runId}/cancel")
    @Operation(operationId = "cancelWorkflowRun", summary = "Cancel a running or failed run; its pending steps are never made")
    @APIResponse(responseCode = "200", description = "The run, CANCELLED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkflowRun.class)))
    @APIResponse(responseCode = "409", description = "The run has ended already",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public WorkflowRun cancel(@PathParam("runId") String runId) {
        EngineConflicts.retried(() -> incidents.cancel(tenant.locationId(), runId, tenant.user().email()));
        return run(runId);
    }

    static String read(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(dev.switchboard.bpmn.workflows.BpmnDocument.MAX_BYTES + 1);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the upload failed", e);
        }
    }
}
