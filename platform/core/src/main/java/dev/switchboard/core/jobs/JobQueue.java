package dev.switchboard.core.jobs;

import dev.switchboard.core.config.PlatformConfig;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.FairQueue;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The runner's side of {@code background_job}: claims, rounds, outcomes and releases. Every state
 * change of a running job is fenced by the node that holds it and the claim it holds it by, so a node
 * taken for dead while it worked cannot commit a round of a job that another node (or itself, after
 * it rejoined) resumed.
 */
@ApplicationScoped
public class JobQueue {

    /** Longest checkpoint kept, in characters of JSON. */
    public static final int MAX_CHECKPOINT = 65_536;
    /** Longest reference or reason of a rejected item kept. */
    static final int MAX_ERROR_TEXT = 1_000;
    /** Longest failure reason kept. */
    static final int MAX_FAILURE = 2_000;

    static final String COLUMNS = """
            id, location_id, kind, parameters::text, status, done, failed, total, result::text, error, cancel_requested,
            node_id, heartbeat_at, created_by, created_at, started_at, finished_at,
            seconds_before + CASE WHEN status = 'RUNNING' AND run_started_at IS NOT NULL
                THEN extract(epoch FROM now() - run_started_at) ELSE 0 END""";

    @Inject
    Database db;

    @Inject
    PlatformConfig config;

    /**
     * A job claimed for one run, with its checkpoint and the claim's token: every change of the run is
     * fenced by node and token, so a run that lost the job cannot change it, even when the same node
     * claimed it again since.
     */
    record Claimed(Job job, Optional<JsonValue> checkpoint, UUID claim) {
    }

    /** Locations with queued jobs, in turn: see {@link FairQueue}. */
    List<UUID> locationsWithQueuedJobs(UUID cursor, int limit) {
        return new FairQueue(db, "background_job", "status = 'QUEUED'").locations(cursor, limit);
    }

    /**
     * Claims up to {@code perLocation} queued jobs in each location, oldest first, to run on {@code node},
     * so that no location has more than {@code perLocationRunning} of its jobs running there.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Claimed> claim(List<UUID> locations, int perLocation, int perLocationRunning, int limit, String node) {
        UUID claim = UUID.randomUUID();
        List<UUID> ids = db.query("""
                WITH picked AS (
                    SELECT j.id FROM unnest(?::uuid[]) AS l(location_id)
                    CROSS JOIN LATERAL (
                        SELECT id FROM background_job
                        WHERE location_id = l.location_id AND status = 'QUEUED' AND run_after <= now()
                        ORDER BY created_at
                        LIMIT greatest(0, least(?, ? - (SELECT count(*) FROM background_job r
                                                        WHERE r.node_id = ? AND r.status = 'RUNNING'
                                                              AND r.location_id = l.location_id)))
                        FOR UPDATE SKIP LOCKED) j
                    LIMIT ?
                )
                UPDATE background_job b SET status = 'RUNNING', node_id = ?, claim_id = ?, heartbeat_at = now(),
                       started_at = coalesce(started_at, now()), run_started_at = now()
                FROM picked WHERE b.id = picked.id
                RETURNING b.id""", row -> row.getObject(1, UUID.class),
                locations.toArray(UUID[]::new), perLocation, perLocationRunning, node, limit, node, claim);
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.query("SELECT checkpoint::text, " + COLUMNS + " FROM background_job WHERE id = ANY (?) ORDER BY created_at",
                row -> new Claimed(job(row, 2), Optional.ofNullable(json(row.getString(1))), claim), (Object) ids.toArray(UUID[]::new));
    }

    /** The job as committed, when {@code node} still holds it. */
    Optional<Job> held(UUID id, String node) {
        return db.queryOne("SELECT " + COLUMNS + " FROM background_job WHERE id = ? AND node_id = ? AND status = 'RUNNING'",
                row -> job(row, 1), id, node);
    }

    /**
     * One round: the work, its progress and the checkpoint, in one transaction; nothing of it when
     * {@code node} no longer holds the job. A round that commits clears the count of the job's
     * interruptions: a job that makes progress between crashes is not what crashes its node.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    JsonValue commit(UUID id, LocationId locationId, String node, UUID claim, Function<JobRun.Round, JsonValue> work) {
        long failedBefore = db.queryOne("""
                SELECT failed FROM background_job WHERE id = ? AND node_id = ? AND claim_id = ? AND status = 'RUNNING'
                FOR UPDATE""", row -> row.getLong(1), id, node, claim).orElseThrow(() -> new JobRun.JobLost(id));
        RoundTally tally = new RoundTally();
        JsonValue checkpoint = work.apply(tally);
        String text = checkpoint == null ? null : checkpoint.toString();
        if (text != null && text.length() > MAX_CHECKPOINT) {
            throw new IllegalArgumentException("a job's checkpoint is at most " + MAX_CHECKPOINT + " characters of JSON");
        }
        int kept = config.jobErrorsKept();
        long seq = failedBefore;
        for (String[] error : tally.errors) {
            if (seq >= kept) {
                break;
            }
            db.update("INSERT INTO background_job_error (job_id, seq, location_id, reference, reason) VALUES (?, ?, ?, ?, ?)",
                    id, seq++, locationId, cut(error[0], MAX_ERROR_TEXT), cut(error[1], MAX_ERROR_TEXT));
        }
        db.update("""
                UPDATE background_job SET done = done + ?, failed = failed + ?, checkpoint = ?::jsonb, heartbeat_at = now(),
                       interruptions = 0
                WHERE id = ?""", tally.done, (long) tally.errors.size(), text, id);
        return checkpoint;
    }

    void expect(UUID id, String node, UUID claim, long total) {
        db.update("UPDATE background_job SET total = ? WHERE id = ? AND node_id = ? AND claim_id = ? AND status = 'RUNNING'",
                Math.max(0, total), id, node, claim);
    }

    boolean cancelRequested(UUID id) {
        return db.queryOne("SELECT cancel_requested FROM background_job WHERE id = ?", row -> row.getBoolean(1), id)
                .orElse(true);
    }

    /** The job finished: SUCCEEDED (with its result), FAILED (with the reason) or CANCELLED. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean finish(UUID id, String node, UUID claim, JobStatus status, JsonObject result, String error) {
        return db.update("""
                UPDATE background_job SET status = ?, result = ?::jsonb, error = ?, node_id = NULL, finished_at = now(),
                       seconds_before = seconds_before + extract(epoch FROM now() - run_started_at), run_started_at = NULL
                WHERE id = ? AND node_id = ? AND claim_id = ? AND status = 'RUNNING'""",
                status.name(), result == null ? null : result.toString(), cut(error, MAX_FAILURE), id, node, claim) == 1;
    }

    /** The job goes back to the queue, to resume from its checkpoint after {@code delay}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean requeue(UUID id, String node, UUID claim, Duration delay, String reason) {
        return db.update("""
                UPDATE background_job SET status = 'QUEUED', node_id = NULL, error = ?,
                       run_after = now() + ? * interval '1 millisecond',
                       seconds_before = seconds_before + extract(epoch FROM now() - run_started_at), run_started_at = NULL
                WHERE id = ? AND node_id = ? AND claim_id = ? AND status = 'RUNNING'""", cut(reason, MAX_FAILURE), delay.toMillis(),
                id, node, claim) == 1;
    }

    /**
     * The jobs marked as running on {@code node} but not among {@code held}, those its workers run, go
     * back to the queue (or end cancelled, when that was asked): their outcome could not be recorded.
     */
    int releaseUnheld(String node, Set<UUID> held) {
        return db.update("""
                UPDATE background_job SET node_id = NULL, run_after = now(),
                       status = CASE WHEN cancel_requested THEN 'CANCELLED' ELSE 'QUEUED' END,
                       finished_at = CASE WHEN cancel_requested THEN now() END,
                       seconds_before = seconds_before + coalesce(extract(epoch FROM heartbeat_at - run_started_at), 0),
                       run_started_at = NULL,
                       error = CASE WHEN cancel_requested THEN NULL
                           ELSE 'its outcome could not be recorded; resumed from its checkpoint' END
                WHERE status = 'RUNNING' AND node_id = ? AND NOT (id = ANY (?::uuid[]))""", node, held.toArray(UUID[]::new));
    }

    /** Marks the jobs {@code node} runs as alive. */
    void heartbeat(String node) {
        db.update("UPDATE background_job SET heartbeat_at = now() WHERE node_id = ? AND status = 'RUNNING'", node);
    }

    /**
     * The jobs a dead node ran go back to the queue, to resume from their checkpoints; one under which
     * a node died {@code crashesBeforeParking} times fails instead, so it cannot take down another.
     */
    int releaseJobsOf(String node, int crashesBeforeParking) {
        return db.update("""
                UPDATE background_job SET node_id = NULL, interruptions = interruptions + 1, run_after = now(),
                       status = CASE WHEN interruptions + 1 >= ? THEN 'FAILED' ELSE 'QUEUED' END,
                       finished_at = CASE WHEN interruptions + 1 >= ? THEN now() END,
                       seconds_before = seconds_before + coalesce(extract(epoch FROM heartbeat_at - run_started_at), 0),
                       run_started_at = NULL,
                       error = CASE WHEN interruptions + 1 >= ?
                           THEN 'the node running this job stopped ' || (interruptions + 1)
                                || ' times while it ran; it is not resumed again so it cannot crash another'
                           ELSE 'resumed after the node running it stopped' END
                WHERE status = 'RUNNING' AND node_id = ?""",
                crashesBeforeParking, crashesBeforeParking, crashesBeforeParking, node);
    }

    /** A job from {@link #COLUMNS}, starting at column {@code first}. */
    static Job job(ResultSet row, int first) throws SQLException {
        int c = first;
        UUID id = row.getObject(c++, UUID.class);
        LocationId location = LocationId.of(row.getObject(c++, UUID.class));
        String kind = row.getString(c++);
        JsonObject parameters = (JsonObject) json(row.getString(c++));
        JobStatus status = JobStatus.valueOf(row.getString(c++));
        long done = row.getLong(c++);
        long failed = row.getLong(c++);
        long total = row.getLong(c);
        Long knownTotal = row.wasNull() ? null : total;
        c++;
        JsonValue result = json(row.getString(c++));
        String error = row.getString(c++);
        boolean cancel = row.getBoolean(c++);
        String node = row.getString(c++);
        OffsetDateTime heartbeat = row.getObject(c++, OffsetDateTime.class);
        UUID createdBy = row.getObject(c++, UUID.class);
        OffsetDateTime created = row.getObject(c++, OffsetDateTime.class);
        OffsetDateTime started = row.getObject(c++, OffsetDateTime.class);
        OffsetDateTime finished = row.getObject(c++, OffsetDateTime.class);
        double seconds = row.getDouble(c);
        return new Job(id, location, kind, parameters, status, done, failed, knownTotal,
                result instanceof JsonObject object ? object : null, error, cancel, node, heartbeat, createdBy, created,
                started, finished, seconds);
    }

    static JsonValue json(String text) {
        if (text == null) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    /** {@code text} cut to {@code max} characters, with what PostgreSQL cannot store replaced (see {@link Texts#storable}). */
    static String cut(String text, int max) {
        return Texts.storable(text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…");
    }

    /** What one round reported. */
    private static final class RoundTally implements JobRun.Round {

        private long done;
        private final List<String[]> errors = new ArrayList<>();

        @Override
        public void done(long count) {
            if (count < 0) {
                throw new IllegalArgumentException("a round cannot undo items: " + count);
            }
            done += count;
        }

        @Override
        public void failed(String reference, String reason) {
            errors.add(new String[] {reference == null ? "" : reference, reason == null ? "" : reason});
        }
    }
}
