package dev.switchboard.bpmn.actions;

import dev.switchboard.core.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What each action step did: which plugin version ran it, and its outcome. */
@ApplicationScoped
public class WorkflowStepLog {

    @Inject
    Database db;

    /** One executed step. */
    public record Step(String activityId, String actionId, String pluginId, String pluginVersion, String status,
                       String summary, String error, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
    }

    /** Recorded in the step's own transaction: it commits with the step. */
    public void succeeded(UUID locationId, String processInstanceId, Step step) {
        insert(locationId, processInstanceId, step);
    }

    /** Recorded in a new transaction: the step's transaction rolls back so the engine can retry it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(UUID locationId, String processInstanceId, Step step) {
        insert(locationId, processInstanceId, step);
    }

    public List<Step> steps(UUID locationId, String processInstanceId) {
        return db.query("""
                SELECT activity_id, action_id, plugin_id, plugin_version, status, summary, error, started_at, finished_at
                FROM workflow_step WHERE location_id = ? AND process_instance_id = ? ORDER BY started_at""",
                row -> new Step(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7),
                        row.getObject(8, OffsetDateTime.class), row.getObject(9, OffsetDateTime.class)),
                locationId, processInstanceId);
    }

    private void insert(UUID locationId, String processInstanceId, Step step) {
        db.update("""
                INSERT INTO workflow_step (id, location_id, process_instance_id, activity_id, action_id, plugin_id,
                    plugin_version, status, summary, error, started_at, finished_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                UUID.randomUUID(), locationId, processInstanceId, step.activityId(), step.actionId(), step.pluginId(),
                step.pluginVersion(), step.status(), step.summary(), step.error(), step.startedAt(), step.finishedAt());
    }
}
