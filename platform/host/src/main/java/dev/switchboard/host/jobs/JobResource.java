package dev.switchboard.host.jobs;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.jobs.Job;
import dev.switchboard.core.jobs.Jobs;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.paging.Page;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.LocationId;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.CsvCells;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The location's background jobs (imports, …): their progress, and cancelling them. */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}/jobs")
@Tag(name = "Jobs", description = "Background jobs of a location: imports and other long work")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    public static final String CSV = "text/csv";
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_.-]{0,49}");
    private static final int MAX_KINDS = 10;

    @Inject
    Jobs jobs;

    @Inject
    TenantScope tenant;

    @GET
    @Operation(operationId = "listJobs", summary = "The location's jobs, newest first")
    @APIResponse(responseCode = "200", description = "A page of jobs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.JobPage.class)))
    public JsonObject list(@Parameter(description = "Only jobs of this kind (import, file-import, …); repeat it for several")
                           @QueryParam("kind") List<String> kinds, @QueryParam("limit") String limit,
                           @QueryParam("cursor") String cursor) {
        if (kinds.size() > MAX_KINDS || kinds.stream().anyMatch(kind -> kind == null || !KIND.matcher(kind).matches())) {
            throw ProblemException.invalid(FieldError.parameter("kind", "kind is a job kind such as 'import' (at most "
                    + MAX_KINDS + " of them)"));
        }
        Page<Job> page = jobs.list(tenant.locationId(), kinds, Paging.limit(limit), cursor);
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

    @GET
    @Path("{jobId}/errors")
    @Produces({CSV, "application/problem+json"})
    @Operation(operationId = "listJobErrors",
            summary = "What a job could not do, as CSV: reference (a row, a contact's id), reason")
    @APIResponse(responseCode = "200", description = "One line per item after a header line",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response errors(@PathParam("jobId") String jobId) {
        return errorsCsv(jobs, tenant.locationId(), jobs.get(tenant.locationId(), Ids.parse(jobId, "job")));
    }

    /**
     * What a job could not do as a streamed CSV download (reference, reason), every cell neutralised
     * against spreadsheet formulas; the job has been found in the location before.
     */
    public static Response errorsCsv(Jobs jobs, LocationId locationId, Job job) {
        StreamingOutput csv = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            try (DatabaseScope scope = DatabaseScope.location(locationId.value());
                 CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader("reference", "reason").get())) {
                jobs.errors(locationId, job.id(), error -> {
                    try {
                        printer.printRecord(CsvCells.cell(error.reference()), CsvCells.cell(error.reason()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        };
        return Response.ok(csv, CSV + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + job.kind() + "-" + job.id() + "-errors.csv\"").build();
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
