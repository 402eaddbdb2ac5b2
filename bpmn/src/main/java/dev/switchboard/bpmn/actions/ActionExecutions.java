package dev.switchboard.bpmn.actions;

import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.FairQueue;
import dev.switchboard.core.db.JsonColumns;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The state of every action step ({@code action_execution}): created PENDING when a run enters an
 * action task, claimed RUNNING by a node for one attempt, then COMPLETED or, out of attempts, FAILED.
 * Each state change commits on its own, and the plugin call happens between two of them with no
 * transaction open. The row's id is the step's idempotency key.
 */
@ApplicationScoped
public class ActionExecutions {

    @Inject
    Database db;

    @Inject
    Event<ActionStepEntered> entered;

    /** A step claimed for one attempt. */
    public record Claimed(UUID id, LocationId locationId, String runId, String executionId, String activityId,
                          String actionId, int attempt, int maxAttempts, Map<String, String> inputs,
                          Optional<String> contactId) {
    }

    /** A step a dead node was running, given back to wait for its next attempt, or parked (then {@code reason} says why). */
    public record Released(String runId, boolean parked, String reason) {
    }

    /**
     * A step as the run's log shows it.
     *
     * @param log the lines the plugin wrote to the step log in the last attempt that called it
     */
    public record Step(UUID id, String executionId, String activityId, int visit, String actionId, String status,
                       int attempts, String pluginId, String pluginVersion, String summary, String error,
                       String vendorId, OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                       List<String> log, Map<String, String> inputs, Map<String, String> outputs) {
    }

    /**
     * Records that a run entered an action task, in the engine's transaction: the step exists if and
     * only if the run's move into the task committed. Announces {@link ActionStepEntered}, which the
     * {@link ActionWorker} hears once the transaction committed.
     *
     * @return the step's id, its idempotency key
     */
    public UUID enter(LocationId locationId, String runId, String executionId, String activityId, String actionId,
                      Map<String, String> inputs, Optional<String> contactId, int maxAttempts) {
        UUID id = insert(locationId, runId, executionId, activityId, actionId, inputs, contactId, maxAttempts, null);
        entered.fire(new ActionStepEntered(id));
        return id;
    }

    /**
     * Records that a run entered an action task whose first attempt {@code node} makes at once, in the
     * engine's transaction (a built-in action's step): the step is RUNNING and its attempt begun. No
     * worker hears of it.
     */
    Claimed begin(LocationId locationId, String runId, String executionId, String activityId, String actionId,
                  Map<String, String> inputs, Optional<String> contactId, int maxAttempts, String node) {
        UUID id = insert(locationId, runId, executionId, activityId, actionId, inputs, contactId, maxAttempts, node);
        db.update("""
                INSERT INTO action_attempt (location_id, action_execution_id, attempt, node_id, started_at)
                VALUES (?, ?, 1, ?, clock_timestamp())""", locationId, id, node);
        return new Claimed(id, locationId, runId, executionId, activityId, actionId, 1, maxAttempts, inputs, contactId);
    }

    /** @param node the node making its first attempt now, or null when the step waits for a worker */
    private UUID insert(LocationId locationId, String runId, String executionId, String activityId, String actionId,
                        Map<String, String> inputs, Optional<String> contactId, int maxAttempts, String node) {
        int visit = db.queryOne("""
                SELECT coalesce(max(visit), 0) + 1 FROM action_execution
                WHERE run_id = ? AND activity_id = ? AND execution_id = ?""",
                row -> row.getInt(1), runId, activityId, executionId).orElse(1);
        UUID id = UUID.randomUUID();
        db.update("""
                INSERT INTO action_execution (id, location_id, run_id, execution_id, activity_id, visit, action_id,
                    inputs, contact, status, max_attempts, lease_owner, attempts, created_at, started_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, clock_timestamp(),
                        CASE WHEN ? THEN clock_timestamp() END)""",
                id, locationId, runId, executionId, activityId, visit, actionId, JsonColumns.json(inputs),
                contactId.map(contact -> Json.createObjectBuilder().add("id", contact).build().toString()).orElse(null),
                node == null ? "PENDING" : "RUNNING", maxAttempts, node, node == null ? 0 : 1, node != null);
        return id;
    }

    public int countInRun(String runId) {
        return db.queryOne("SELECT count(*) FROM action_execution WHERE run_id = ?", row -> row.getInt(1), runId)
                .orElse(0);
    }

    /** Locations with steps waiting, in turn: see {@link FairQueue}. */
    List<UUID> locationsWithWaitingSteps(UUID cursor, int limit) {
        // the status as a literal: a parameter would let a generic plan miss the partial index of waiting steps
        return new FairQueue(db, "action_execution", "status = 'PENDING'").locations(cursor, limit);
    }

    /** Claims up to {@code perLocation} due steps in each location for one attempt on {@code node}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Claimed> claim(List<UUID> locations, int perLocation, int limit, String node) {
        List<Claimed> claimed = db.query("""
                WITH picked AS (
                    SELECT s.id FROM unnest(?::uuid[]) AS l(location_id)
                    CROSS JOIN LATERAL (
                        SELECT id FROM action_execution
                        WHERE location_id = l.location_id AND status = 'PENDING' AND next_attempt_at <= now()
                        ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) s
                    LIMIT ?
                )
                UPDATE action_execution a SET status = 'RUNNING', lease_owner = ?, attempts = attempts + 1,
                       started_at = coalesce(started_at, now())
                FROM picked WHERE a.id = picked.id
                RETURNING a.id, a.location_id, a.run_id, a.execution_id, a.activity_id, a.action_id, a.attempts,
                          a.max_attempts, a.inputs::text, a.contact::text""",
                row -> new Claimed(row.getObject(1, UUID.class), LocationId.of(row.getObject(2, UUID.class)), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getInt(7), row.getInt(8),
                        JsonColumns.strings(row.getString(9)), contact(row.getString(10))),
                locations.toArray(UUID[]::new), perLocation, limit, node);
        for (Claimed step : claimed) {
            db.update("INSERT INTO action_attempt (location_id, action_execution_id, attempt, node_id) VALUES (?, ?, ?, ?)",
                    step.locationId(), step.id(), step.attempt(), node);
        }
        return claimed;
    }

    /** Part of the transaction that also hands the run on: the outcome and the continuation commit together. */
    boolean completed(Claimed step, String pluginId, String pluginVersion, String summary, Map<String, String> outputs,
                      String vendorId, List<String> log) {
        return completed(step, pluginId, pluginVersion, summary, outputs, Map.of(), vendorId, log);
    }

    /**
     * @param variables run variables the step sets by name when the run moves on past it
     * @return false when the step is no longer running: its run was cancelled, or left the task, meanwhile
     */
    boolean completed(Claimed step, String pluginId, String pluginVersion, String summary, Map<String, String> outputs,
                      Map<String, String> variables, String vendorId, List<String> log) {
        int updated = db.update("""
                UPDATE action_execution SET status = 'COMPLETED', plugin_id = ?, plugin_version = ?,
                       summary = ?, outputs = ?::jsonb, variables = ?::jsonb, vendor_id = ?, error = NULL,
                       finished_at = clock_timestamp(), step_log = coalesce(?::jsonb, step_log)
                WHERE id = ? AND status = 'RUNNING'""", pluginId, pluginVersion, Texts.storable(summary), JsonColumns.json(outputs),
                variables.isEmpty() ? null : JsonColumns.json(variables), Texts.storable(vendorId), lines(log), step.id());
        endAttempt(step, updated == 1 ? "COMPLETED" : "INTERRUPTED", updated == 1 ? null : "the step was cancelled while it ran");
        return updated == 1;
    }

    /**
     * A failed attempt: the step waits for its next attempt (2 s, 4 s, 8 s … later), or FAILED when it
     * was the last.
     *
     * @param log the attempt's step log; null when the plugin was not called (the last attempt's lines stay)
     * @return whether the step gave up
     */
    boolean failed(Claimed step, String pluginId, String pluginVersion, String reason, List<String> log) {
        String error = Texts.storable(reason);
        boolean last = step.attempt() >= step.maxAttempts();
        // only a step still running: one cancelled meanwhile (its run cancelled, or left by a goal) stays so
        int updated = db.update("""
                UPDATE action_execution SET status = ?, lease_owner = NULL, plugin_id = coalesce(?, plugin_id),
                       plugin_version = coalesce(?, plugin_version), error = ?,
                       next_attempt_at = now() + power(2, ?) * interval '1 second',
                       finished_at = CASE WHEN ? THEN now() END, step_log = coalesce(?::jsonb, step_log)
                WHERE id = ? AND status = 'RUNNING'""", last ? "FAILED" : "PENDING", pluginId, pluginVersion, error,
                step.attempt(), last, lines(log), step.id());
        endAttempt(step, "FAILED", error);
        return last && updated == 1;
    }

    /**
     * The step was claimed but its plugin had no call to spare: it waits again, a moment behind the
     * steps that were due with it, and the attempt that did not happen is not counted.
     */
    void deferred(Claimed step, String reason) {
        db.update("""
                UPDATE action_execution SET status = 'PENDING', lease_owner = NULL, attempts = attempts - 1, error = ?,
                       next_attempt_at = now() + interval '1 second'
                WHERE id = ? AND status = 'RUNNING'""", "waiting: " + reason, step.id());
        db.update("DELETE FROM action_attempt WHERE action_execution_id = ? AND attempt = ?", step.id(), step.attempt());
    }

    /** A step log as the text to bind to {@code ?::jsonb}: a JSON array of the lines; null for none given. */
    private static String lines(List<String> log) {
        if (log == null) {
            return null;
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        log.forEach(line -> array.add(Texts.storable(line)));
        return array.build().toString();
    }

    private void endAttempt(Claimed step, String outcome, String error) {
        db.update("""
                UPDATE action_attempt SET finished_at = clock_timestamp(), outcome = ?, error = ?
                WHERE action_execution_id = ? AND attempt = ?""", outcome, Texts.storable(error), step.id(), step.attempt());
    }

    /**
     * The outputs of the completed step the run waits on at this task, marking them taken so a stray
     * second trigger finds nothing; empty when no completed step waits (the run then stays).
     */
    Optional<Taken> takeCompleted(String runId, String executionId, String activityId) {
        // by the run first: the index on (run_id, activity_id, execution_id, visit) finds the step at once
        return db.queryOne("""
                UPDATE action_execution SET continued = true, lease_owner = NULL
                WHERE id = (SELECT id FROM action_execution
                            WHERE run_id = ? AND activity_id = ? AND execution_id = ?
                                  AND status IN ('COMPLETED', 'SKIPPED') AND NOT continued
                            ORDER BY visit DESC LIMIT 1)
                RETURNING outputs::text, variables::text""",
                row -> new Taken(JsonColumns.strings(row.getString(1)),
                        row.getString(2) == null ? Map.of() : JsonColumns.strings(row.getString(2))),
                runId, activityId, executionId);
    }

    /** What a completed step hands its run: its outputs, and the variables it sets by name. */
    record Taken(Map<String, String> outputs, Map<String, String> variables) {
    }

    /** A completed step whose run was not moved on: see {@link #stranded}. */
    public record Stranded(UUID id, LocationId locationId, String executionId, String activityId) {
    }

    /**
     * Completed steps of running runs that have not been moved on for a while: the node stopped between
     * committing the step and moving its run on, a job that moves it on waits for its next try, or the
     * run left the task otherwise (a boundary event took it elsewhere). A run that failed (its move
     * failed for good) keeps its step as it is, for a retry to take.
     */
    List<Stranded> stranded(Duration after, int limit) {
        return db.query("""
                SELECT id, location_id, execution_id, activity_id FROM action_execution a
                WHERE status IN ('COMPLETED', 'SKIPPED') AND NOT continued AND finished_at < now() - make_interval(secs => ?)
                      AND EXISTS (SELECT 1 FROM workflow_run r WHERE r.id = a.run_id AND r.state = 'RUNNING')
                ORDER BY finished_at LIMIT ?""",
                row -> new Stranded(row.getObject(1, UUID.class), LocationId.of(row.getObject(2, UUID.class)),
                        row.getString(3), row.getString(4)), (double) after.toSeconds(), limit);
    }

    /**
     * Completed steps of {@code node} whose run it had not moved on when it stopped: a completed step
     * stays leased to its node until its run has moved on past it.
     */
    List<Stranded> strandedOf(String node) {
        return db.query("""
                SELECT id, location_id, execution_id, activity_id FROM action_execution a
                WHERE status = 'COMPLETED' AND NOT continued AND lease_owner = ?
                      AND EXISTS (SELECT 1 FROM workflow_run r WHERE r.id = a.run_id AND r.state = 'RUNNING')""",
                row -> new Stranded(row.getObject(1, UUID.class), LocationId.of(row.getObject(2, UUID.class)),
                        row.getString(3), row.getString(4)), node);
    }

    /** A completed step whose run is no longer waiting at its task: nothing is left to move on. */
    void markContinued(UUID stepId) {
        db.update("UPDATE action_execution SET continued = true, lease_owner = NULL WHERE id = ?", stepId);
    }

    /**
     * Steps a dead node was running go back to waiting, or, when a node died under the same step for
     * the second time, are parked as FAILED with that reason.
     *
     * @return every step given back, parked or not
     */
    List<Released> releaseStepsOf(String node, int crashesBeforeParking) {
        db.update("""
                UPDATE action_attempt t SET finished_at = now(), outcome = 'INTERRUPTED',
                       error = 'the node running this attempt stopped'
                FROM action_execution a
                WHERE a.id = t.action_execution_id AND a.status = 'RUNNING' AND a.lease_owner = ? AND t.finished_at IS NULL""",
                node);
        return db.query("""
                UPDATE action_execution SET lease_owner = NULL, interruptions = interruptions + 1,
                       status = CASE WHEN interruptions + 1 >= ? THEN 'FAILED' ELSE 'PENDING' END,
                       next_attempt_at = now(),
                       finished_at = CASE WHEN interruptions + 1 >= ? THEN now() END,
                       error = CASE WHEN interruptions + 1 >= ?
                           THEN 'parked: the node running this step stopped ' || (interruptions + 1)
                                || ' times while it ran; it is not tried again so it cannot crash another'
                           ELSE error END
                WHERE status = 'RUNNING' AND lease_owner = ?
                RETURNING run_id, status, error, activity_id""",
                row -> new Released(row.getString(1), "FAILED".equals(row.getString(2)),
                        "step '" + row.getString(4) + "' " + row.getString(3)),
                crashesBeforeParking, crashesBeforeParking, crashesBeforeParking, node);
    }

    /**
     * The steps of a run whose state is FAILED, the one that gave up last first (at most 100): what an
     * incident retries or skips. A run with parallel branches can have several.
     */
    public List<Failed> failed(LocationId locationId, String runId) {
        return db.query("""
                SELECT id, execution_id, activity_id, action_id, error FROM action_execution
                WHERE location_id = ? AND run_id = ? AND status = 'FAILED'
                ORDER BY finished_at DESC NULLS LAST, created_at DESC LIMIT 100""",
                row -> new Failed(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5)), locationId, runId);
    }

    /** A step that gave up. */
    public record Failed(UUID id, String executionId, String activityId, String actionId, String error) {
    }

    /**
     * A failed step waits for new attempts, due now: {@code attempts} more than it has made. Announces
     * {@link ActionStepEntered} so a worker takes it as soon as the transaction commits.
     */
    public void retry(UUID stepId, int attempts) {
        db.update("""
                UPDATE action_execution SET status = 'PENDING', max_attempts = attempts + ?, next_attempt_at = now(),
                       finished_at = NULL, lease_owner = NULL, interruptions = 0
                WHERE id = ? AND status = 'FAILED'""", attempts, stepId);
        entered.fire(new ActionStepEntered(stepId));
    }

    /** A failed step is passed over: the run moves on as if it had completed with no outputs. */
    public void skip(UUID stepId, String by) {
        db.update("""
                UPDATE action_execution SET status = 'SKIPPED', outputs = '{}', variables = NULL, continued = false,
                       lease_owner = NULL, finished_at = now(), summary = ?
                WHERE id = ? AND status = 'FAILED'""", Texts.storable("skipped by " + by), stepId);
    }

    /** The run's action steps, in the order they were entered. */
    public List<Step> steps(LocationId locationId, String runId) {
        return db.query("""
                SELECT id, execution_id, activity_id, visit, action_id, status, attempts, plugin_id, plugin_version,
                       summary, error, vendor_id, created_at, started_at, finished_at, step_log::text, inputs::text,
                       coalesce(outputs || coalesce(variables, '{}'), variables)::text
                FROM action_execution WHERE location_id = ? AND run_id = ? ORDER BY created_at, visit""",
                row -> new Step(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getInt(4),
                        row.getString(5), row.getString(6), row.getInt(7), row.getString(8), row.getString(9),
                        row.getString(10), row.getString(11), row.getString(12),
                        row.getObject(13, OffsetDateTime.class), row.getObject(14, OffsetDateTime.class),
                        row.getObject(15, OffsetDateTime.class), logLines(row.getString(16)),
                        JsonColumns.strings(row.getString(17)),
                        row.getString(18) == null ? Map.of() : JsonColumns.strings(row.getString(18))),
                locationId, runId);
    }

    private static List<String> logLines(String json) {
        return Json.createReader(new StringReader(json)).readArray().getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
    }

    /** The contact a step runs for (the {@code contact} column keeps its id; the plugin reads it live). */
    private static Optional<String> contact(String json) {
        if (json == null) {
            return Optional.empty();
        }
        JsonObject object = Json.createReader(new StringReader(json)).readObject();
        return Optional.of(object.getString("id"));
    }
}
