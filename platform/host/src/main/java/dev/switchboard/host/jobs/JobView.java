package dev.switchboard.host.jobs;

import dev.switchboard.core.jobs.Job;
import dev.switchboard.core.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A background job as the API shows it. The record documents the shape; {@link #json(Job)} writes it
 * (parameters and result are the job kind's own JSON).
 */
@Schema(name = "Job", description = "A background job of the location (an import, …)")
public record JobView(String id, @Schema(description = "What the job does: import, …") String kind,
                      @Schema(enumeration = {"QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"}) String status,
                      @Schema(description = "What the job was started with; its kind's own shape") JsonObject parameters,
                      Progress progress,
                      @Schema(description = "What the finished job reports; its kind's own shape") JsonObject result,
                      @Schema(description = "Why it failed; while queued again, why it was put back") String error,
                      boolean cancelRequested,
                      @Schema(description = "The node running it") String node,
                      @Schema(description = "When its node last reported it alive") OffsetDateTime heartbeatAt,
                      String createdBy, OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt) {

    /** How far a job is. */
    @Schema(name = "JobProgress")
    public record Progress(@Schema(description = "Items done (an import's rows created, updated or skipped)") long done,
                           @Schema(description = "Items that could not be used; see the job's errors") long failed,
                           @Schema(description = "Items in all, when known") Long total,
                           @Schema(description = "Items handled per second while it ran") Double ratePerSecond,
                           @Schema(description = "Estimated seconds until done, when its total is known") Long secondsLeft) {
    }

    /** A page of jobs. */
    @Schema(name = "JobPage")
    public record JobPage(List<JobView> items,
                          @Schema(description = "Pass as cursor for older jobs; absent on the last page") String nextCursor) {
    }

    /** The answer to a request that queued a job: 202, the job, and its address in Location. */
    public static Response accepted(Job job, UriInfo uri) {
        return Response.accepted(json(job))
                .location(uri.getBaseUriBuilder().path("locations").path(job.locationId().toString()).path("jobs")
                        .path(job.id().toString()).build())
                .build();
    }

    public static JsonObject json(Job job) {
        JsonObjectBuilder progress = Json.createObjectBuilder().add("done", job.done()).add("failed", job.failed());
        if (job.total() != null) {
            progress.add("total", job.total());
        }
        job.ratePerSecond().ifPresent(rate -> progress.add("ratePerSecond", Math.round(rate * 10) / 10.0));
        job.secondsLeft().ifPresent(left -> progress.add("secondsLeft", left));
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", job.id().toString()).add("kind", job.kind())
                .add("status", job.status().name()).add("parameters", job.parameters()).add("progress", progress)
                .add("cancelRequested", job.cancelRequested()).add("createdAt", job.createdAt().toString());
        if (job.result() != null) {
            json.add("result", job.result());
        }
        optional(json, "error", job.error());
        optional(json, "node", job.nodeId());
        optional(json, "heartbeatAt", job.heartbeatAt());
        optional(json, "createdBy", job.createdBy());
        optional(json, "startedAt", job.startedAt());
        optional(json, "finishedAt", job.finishedAt());
        return json.build();
    }

    private static void optional(JsonObjectBuilder json, String name, Object value) {
        if (value != null) {
            json.add(name, value.toString());
        }
    }
}
