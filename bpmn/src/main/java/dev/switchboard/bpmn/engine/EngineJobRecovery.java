package dev.switchboard.bpmn.engine;

import dev.switchboard.core.db.Database;
import dev.switchboard.core.nodes.NodeWorkRecovery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Gives back the engine work of a dead node: jobs it had acquired or was running, timers it was
 * moving, and the process instances it had locked for exclusive jobs. A job that was running when
 * its node died for the second time is parked in the dead-letter table with that reason, which fails
 * its run instead of crashing the next node that picks it up. Runs inside the node recovery's
 * transaction; the lock columns are Flowable's own ({@code LOCK_OWNER_} is the node id).
 */
@ApplicationScoped
public class EngineJobRecovery implements NodeWorkRecovery {

    @Inject
    Database db;

    @Inject
    WorkflowEngine engine;

    @Override
    public String work() {
        return "engine jobs and locks";
    }

    @Override
    public int recover(String deadNodeId) {
        int released = 0;
        List<String> running = db.query("SELECT job_id FROM engine_job_running WHERE node_id = ?",
                row -> row.getString(1), deadNodeId);
        for (String jobId : running) {
            int crashes = db.queryOne("""
                    INSERT INTO engine_job_crash (job_id, crashes) VALUES (?, 1)
                    ON CONFLICT (job_id) DO UPDATE SET crashes = engine_job_crash.crashes + 1, last_crash_at = now()
                    RETURNING crashes""", row -> row.getInt(1), jobId).orElseThrow();
            if (crashes >= CRASHES_BEFORE_PARKING && engine.parkJob(jobId, "the node running this job stopped "
                    + crashes + " times while it ran (last: node " + deadNodeId + "); parked so it cannot crash another")) {
                released++;
            }
        }
        db.update("DELETE FROM engine_job_running WHERE node_id = ?", deadNodeId);
        released += db.update("UPDATE act_ru_job SET lock_owner_ = NULL, lock_exp_time_ = NULL WHERE lock_owner_ = ?",
                deadNodeId);
        released += db.update("UPDATE act_ru_timer_job SET lock_owner_ = NULL, lock_exp_time_ = NULL WHERE lock_owner_ = ?",
                deadNodeId);
        released += db.update("UPDATE act_ru_execution SET lock_owner_ = NULL, lock_time_ = NULL WHERE lock_owner_ = ?",
                deadNodeId);
        return released;
    }
}
