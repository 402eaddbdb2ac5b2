package dev.switchboard.core.jobs;

import dev.switchboard.core.db.Database;
import dev.switchboard.core.paging.KeysetQuery;
import dev.switchboard.core.paging.Page;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The background jobs of a location: queued here, run by the {@link JobRunner} on any node, listed
 * newest first, cancelled on request. Which kinds exist is up to the {@link JobHandler}s deployed.
 */
@ApplicationScoped
public class Jobs {

    /** Longest parameters of a job, in characters of JSON. */
    public static final int MAX_PARAMETERS = 65_536;
    /** Rejected items read from the database at once when listing them. */
    private static final int ERRORS_PER_READ = 1_000;
    private static final KeysetQuery.Order NEWEST = new KeysetQuery.Order("jobs.newest", "created_at", "timestamptz", "id", false);

    @Inject
    Database db;

    @Inject
    Instance<JobHandler> handlers;

    @Inject
    Event<JobSubmitted> submitted;

    /** An item a job could not use. */
    public record JobError(long seq, String reference, String reason) {
    }

    /**
     * Queues a job of {@code kind}; it starts once a worker is free, in turn with other locations' jobs.
     *
     * @param createdBy the user who asked for it; null for the platform itself
     */
    @Transactional
    public Job submit(LocationId locationId, String kind, JsonObject parameters, UUID createdBy) {
        if (handler(kind).isEmpty()) {
            throw new IllegalArgumentException("no job handler does jobs of kind '" + kind + "'");
        }
        if (parameters.toString().length() > MAX_PARAMETERS) {
            throw new IllegalArgumentException("a job's parameters are at most " + MAX_PARAMETERS + " characters of JSON");
        }
        UUID id = UUID.randomUUID();
        db.update("""
                INSERT INTO background_job (id, location_id, kind, parameters, status, created_by)
                VALUES (?, ?, ?, ?::jsonb, 'QUEUED', ?)""", id, locationId, kind, parameters.toString(), createdBy);
        submitted.fire(new JobSubmitted(id));
        return find(locationId, id).orElseThrow();
    }

    /** The location's job; another location's is not found. */
    @Transactional
    public Job get(LocationId locationId, UUID jobId) {
        return find(locationId, jobId).orElseThrow(() -> ProblemException.notFound("job " + jobId));
    }

    @Transactional
    public Optional<Job> find(LocationId locationId, UUID jobId) {
        return db.queryOne("SELECT " + JobQueue.COLUMNS + " FROM background_job WHERE location_id = ? AND id = ?",
                row -> JobQueue.job(row, 1), locationId, jobId);
    }

    /** The location's jobs, newest first; of the kinds given, when any are. */
    @Transactional
    public Page<Job> list(LocationId locationId, List<String> kinds, int limit, String cursor) {
        List<Object> params = new ArrayList<>(List.of(locationId));
        String from = "FROM background_job WHERE location_id = ?";
        if (!kinds.isEmpty()) {
            from += " AND kind = ANY (?)";
            params.add(kinds.toArray(String[]::new));
        }
        Page<UUID> ids = KeysetQuery.ids(db, from, params, NEWEST, limit, cursor);
        if (ids.items().isEmpty()) {
            return new Page<>(List.of(), ids.nextCursor());
        }
        Map<UUID, Job> byId = db.query("SELECT " + JobQueue.COLUMNS + " FROM background_job WHERE location_id = ? AND id = ANY (?)",
                row -> JobQueue.job(row, 1), locationId, ids.items().toArray(UUID[]::new)).stream()
                .collect(Collectors.toMap(Job::id, Function.identity()));
        return new Page<>(ids.items().stream().map(byId::get).filter(java.util.Objects::nonNull).toList(), ids.nextCursor());
    }

    /**
     * Cancels a job: a queued one at once, a running one at its next round (what it committed stays).
     * Cancelling a cancelled job changes nothing; a job that succeeded or failed cannot be cancelled.
     */
    @Transactional
    public Job cancel(LocationId locationId, UUID jobId) {
        Job job = db.queryOne("SELECT " + JobQueue.COLUMNS + " FROM background_job WHERE location_id = ? AND id = ? FOR UPDATE",
                row -> JobQueue.job(row, 1), locationId, jobId).orElseThrow(() -> ProblemException.notFound("job " + jobId));
        switch (job.status()) {
            case QUEUED -> db.update("""
                    UPDATE background_job SET status = 'CANCELLED', cancel_requested = true, finished_at = now()
                    WHERE id = ?""", jobId);
            case RUNNING -> db.update("UPDATE background_job SET cancel_requested = true WHERE id = ?", jobId);
            case CANCELLED -> {
                return job;
            }
            default -> throw ProblemException.conflict("job " + jobId + " already " + job.status().name().toLowerCase(
                    java.util.Locale.ROOT) + "; only a queued or running job can be cancelled");
        }
        return find(locationId, jobId).orElseThrow();
    }

    /** Hands the items the job could not use to {@code sink}, in the order they were met. */
    @Transactional
    public void errors(LocationId locationId, UUID jobId, java.util.function.Consumer<JobError> sink) {
        get(locationId, jobId);
        long after = -1;
        List<JobError> read;
        do {
            read = db.query("""
                    SELECT seq, reference, reason FROM background_job_error
                    WHERE location_id = ? AND job_id = ? AND seq > ? ORDER BY seq LIMIT ?""",
                    row -> new JobError(row.getLong(1), row.getString(2), row.getString(3)),
                    locationId, jobId, after, ERRORS_PER_READ);
            read.forEach(sink);
            if (!read.isEmpty()) {
                after = read.get(read.size() - 1).seq();
            }
        } while (read.size() == ERRORS_PER_READ);
    }

    /** The handler of {@code kind}. */
    public Optional<JobHandler> handler(String kind) {
        return handlers.stream().filter(handler -> handler.kind().equals(kind))
                .min(Comparator.comparing(handler -> handler.getClass().getName()));
    }
}
