package dev.switchboard.bpmn.engine;

import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.DatabaseScope;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Notes which engine jobs this node is running, committed before each job's own transaction begins
 * and removed when it ends. After a crash the notes name exactly the jobs that were running, so a job
 * that takes its node down each time it runs can be parked instead of crashing the node again.
 * The notes are advisory: they are written without waiting for the disk, so a power cut may lose
 * one, which costs at most one more crash before parking.
 */
final class RunningJobs {

    private static final Logger LOG = Logger.getLogger(RunningJobs.class.getName());

    private final Database db;
    private final String node;

    RunningJobs(Database db, String node) {
        this.db = db;
        this.node = node;
    }

    /**
     * Runs {@code job} between a note that it started on this node and the removal of that note, in
     * the database scope of the job's location (its tenant), so the platform rows the run writes fall
     * under that location's row-level security.
     */
    Runnable around(String jobId, String tenantId, Runnable job) {
        return () -> {
            note("INSERT INTO engine_job_running (job_id, node_id) VALUES (?, ?) ON CONFLICT (job_id) DO UPDATE"
                    + " SET node_id = excluded.node_id, started_at = now()", jobId, node);
            try (DatabaseScope scope = scopeOf(tenantId)) {
                job.run();
            } finally {
                note("DELETE FROM engine_job_running WHERE job_id = ?", jobId);
            }
        };
    }

    private static DatabaseScope scopeOf(String tenantId) {
        try {
            return DatabaseScope.location(UUID.fromString(tenantId));
        } catch (IllegalArgumentException | NullPointerException notALocation) {
            return DatabaseScope.system("workflow engine job without a location");
        }
    }

    private void note(String sql, Object... params) {
        try {
            db.updateWithoutWaitingForDisk(sql, params);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not note a running engine job; crash detection may miss it", e);
        }
    }
}
