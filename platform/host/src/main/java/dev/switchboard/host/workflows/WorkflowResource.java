package dev.switchboard.host.workflows;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.host.auth.Requires;
import dev.switchboard.bpmn.workflows.WorkflowRun;
import dev.switchboard.bpmn.workflows.WorkflowSummary;
import dev.switchboard.bpmn.workflows.Workflows;
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

/** Workflows (BPMN processes) of a location, and their runs. */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}")
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowResource {

    @Inject
    Workflows workflows;

    @Inject
    TenantScope tenant;

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
    public Response deploy(InputStream body, @Context UriInfo uri) {
        WorkflowSummary deployed = workflows.deploy(tenant.locationId(), read(body));
        return Response.created(uri.getAbsolutePathBuilder().path(deployed.key()).build()).entity(deployed).build();
    }

    @GET
    @Path("workflows/{key}")
    public WorkflowSummary get(@PathParam("key") String key) {
        return workflows.find(tenant.locationId(), key).orElseThrow(() -> ProblemException.notFound("workflow " + key));
    }

    @GET
    @Path("workflows/{key}/bpmn")
    @Produces(MediaType.APPLICATION_XML)
    public String bpmn(@PathParam("key") String key) {
        return workflows.bpmn(tenant.locationId(), key);
    }

    @GET
    @Path("workflow-runs")
    public List<WorkflowRun> runs(@QueryParam("workflow") String workflowKey, @QueryParam("contactId") String contactId,
                                  @QueryParam("limit") String limit) {
        return workflows.runs(tenant.locationId(), workflowKey, contactId, Paging.limit(limit));
    }

    @GET
    @Path("workflow-runs/{runId}")
    public WorkflowRun run(@PathParam("runId") String runId) {
        return workflows.run(tenant.locationId(), runId).orElseThrow(() -> ProblemException.notFound("workflow run " + runId));
    }

    private static String read(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(dev.switchboard.bpmn.workflows.BpmnDocument.MAX_BYTES + 1);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the upload failed", e);
        }
    }
}
