package dev.switchboard.host.jobs;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.jobs.Job;
import dev.switchboard.core.jobs.Jobs;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.paging.Page;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.Ids;
import dev.switchboard.host.Paging;
import dev.switchboard.host.auth.Requires;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The location's background jobs (imports, …): their progress, and cancelling them. */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}/jobs")
@Tag(name = "Jobs", description = "Background jobs of a location: imports and other long work")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_.-]{0,49}");

    @Inject
    Jobs jobs;

    @Inject
    TenantScope tenant;

    @GET
    @Operation(operationId = "listJobs", summary = "The location's jobs, newest first")
    @APIResponse(responseCode = "200", description = "A page of jobs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.JobPage.class)))
    public JsonObject list(@QueryParam("kind") String kind, @QueryParam("limit") String limit,
                           @QueryParam("cursor") String cursor) {
        if (kind != null && !KIND.matcher(kind).matches()) {
            throw ProblemException.invalid(FieldError.parameter("kind", "kind is a job kind such as 'import'"));
        }
        Page<Job> page = jobs.list(tenant.locationId(), Optional.ofNullable(kind), Paging.limit(limit), cursor);
        return page(page);
    }

    @GET
    @Path("{jobId}")
    @Operation(operationId = "getJob", summary = "A job: its status and progress (rate and time left)")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    public JsonObject get(@PathParam("jobId") String jobId) {
        return JobView.json(jobs.get(tenant.locationId(), Ids.parse(jobId, "job")));
    }

    @POST
    @Path("{jobId}/cancel")
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "cancelJob",
            summary = "Cancel a job: a queued one at once, a running one after its current round (what it did stays)")
    @APIResponse(responseCode = "200", description = "The job, cancelled or about to be",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "409", description = "The job already succeeded or failed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public JsonObject cancel(@PathParam("jobId") String jobId) {
        return JobView.json(jobs.cancel(tenant.locationId(), Ids.parse(jobId, "job")));
    }

    static JsonObject page(Page<Job> page) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        page.items().forEach(job -> items.add(JobView.json(job)));
        JsonObjectBuilder json = Json.createObjectBuilder().add("items", items);
        if (page.nextCursor() != null) {
            json.add("nextCursor", page.nextCursor());
        }
        return json.build();
    }
}
