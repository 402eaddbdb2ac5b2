package dev.switchboard.bpmn.runs;

import dev.switchboard.core.db.Database;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The platform's record of every workflow run, written in the same transactions as the engine's own
 * state: started with the process instance, ended when it completes, FAILED when a step gives up.
 */
@ApplicationScoped
public class WorkflowRuns {

    public static final int MAX_ERROR = 4000;

    @Inject
    Database db;

    /** A run as the platform records it. */
    public record Run(String id, LocationId locationId, String workflowKey, int workflowVersion, String contactId,
                      UUID eventId, String state, String error, OffsetDateTime startedAt, OffsetDateTime endedAt) {
    }

    /** Part of the transaction that starts the process instance. */
    public void started(String runId, LocationId locationId, String workflowKey, int version, String contactId, UUID eventId) {
        db.update("""
                INSERT INTO workflow_run (id, location_id, workflow_key, workflow_version, contact_id, event_id, state)
                VALUES (?, ?, ?, ?, ?, ?, 'RUNNING')""", runId, locationId, workflowKey, version, contactId, eventId);
    }

    /** A start that failed before the engine took it: a run of its own, so the failure is visible. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String failedToStart(LocationId locationId, String workflowKey, int version, String contactId, UUID eventId,
                                String error) {
        String id = "failed-start-" + UUID.randomUUID();
        db.update("""
                INSERT INTO workflow_run (id, location_id, workflow_key, workflow_version, contact_id, event_id, state,
                    error, ended_at)
                VALUES (?, ?, ?, ?, ?, ?, 'FAILED', ?, now())
                ON CONFLICT DO NOTHING""", id, locationId, workflowKey, version, contactId, eventId, truncate(error));
        return id;
    }

    public boolean startedBy(UUID eventId, String workflowKey) {
        return db.queryOne("SELECT 1 FROM workflow_run WHERE event_id = ? AND workflow_key = ?", row -> true,
                eventId, workflowKey).isPresent();
    }

    public int inFlight(LocationId locationId, int countUpTo) {
        return db.queryOne("""
                SELECT count(*) FROM (SELECT 1 FROM workflow_run WHERE location_id = ? AND state = 'RUNNING' LIMIT ?) r""",
                row -> row.getInt(1), locationId, countUpTo).orElse(0);
    }

    /** Part of the engine transaction that ends the run. */
    public void ended(String runId, String state) {
        if ("CANCELLED".equals(state)) {
            // a run in an incident (FAILED) can be cancelled too; its steps not yet made never will be
            db.update("UPDATE workflow_run SET state = ?, ended_at = now() WHERE id = ? AND state IN ('RUNNING', 'FAILED')",
                    state, runId);
            db.update("""
                    UPDATE action_execution SET status = 'CANCELLED', finished_at = now(), lease_owner = NULL,
                           error = 'the run was cancelled before this step was made'
                    WHERE run_id = ? AND status IN ('PENDING', 'RUNNING')""", runId);
            return;
        }
        db.update("UPDATE workflow_run SET state = ?, ended_at = now() WHERE id = ? AND state = 'RUNNING'", state, runId);
    }

    /**
     * A FAILED run runs again (a user retried or skipped its incident).
     *
     * @return false when the run was not FAILED (another user got there first, or it never failed)
     */
    public boolean resumed(String runId) {
        return db.update("UPDATE workflow_run SET state = 'RUNNING', error = NULL, ended_at = NULL WHERE id = ? AND state = 'FAILED'",
                runId) == 1;
    }

    /**
     * Part of the engine's transaction in which a run left an action task before its step was made (a
     * goal or a boundary event interrupted it): the step is never made.
     */
    public void stepLeft(String runId, String executionId, String activityId) {
        db.update("""
                UPDATE action_execution SET status = 'CANCELLED', finished_at = now(), lease_owner = NULL,
                       error = 'the run left this step before it was made'
                WHERE run_id = ? AND execution_id = ? AND activity_id = ? AND status IN ('PENDING', 'RUNNING')""",
                runId, executionId, activityId);
    }

    /** Part of the transaction in which a step gave up. */
    public void failed(String runId, String error) {
        db.update("UPDATE workflow_run SET state = 'FAILED', error = ?, ended_at = now() WHERE id = ? AND state = 'RUNNING'",
                truncate(error), runId);
    }

    public Optional<Run> find(LocationId locationId, String runId) {
        return db.queryOne(SELECT + " WHERE location_id = ? AND id = ?", WorkflowRuns::run, locationId, runId);
    }

    /** The states a run can be in. */
    public static final List<String> STATES = List.of("RUNNING", "COMPLETED", "CANCELLED", "FAILED");

    /** Newest first, optionally only one workflow's, one contact's or one state's runs. */
    public List<Run> list(LocationId locationId, String workflowKey, String contactId, String state, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE location_id = ?");
        List<Object> params = new ArrayList<>(List.of(locationId));
        if (workflowKey != null) {
            sql.append(" AND workflow_key = ?");
            params.add(workflowKey);
        }
        if (contactId != null) {
            sql.append(" AND contact_id = ?");
            params.add(contactId);
        }
        if (state != null) {
            sql.append(" AND state = ?");
            params.add(state);
        }
        sql.append(" ORDER BY started_at DESC, id LIMIT ?");
        params.add(limit);
        return db.query(sql.toString(), WorkflowRuns::run, params.toArray());
    }

    private static final String SELECT = """
            SELECT id, location_id, workflow_key, workflow_version, contact_id, event_id, state, error, started_at, ended_at
            FROM workflow_run""";

    private static Run run(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Run(row.getString(1), LocationId.of(row.getObject(2, UUID.class)), row.getString(3), row.getInt(4), row.getString(5),
                row.getObject(6, UUID.class), row.getString(7), row.getString(8), row.getObject(9, OffsetDateTime.class),
                row.getObject(10, OffsetDateTime.class));
    }

    static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR) + "…";
    }
}
