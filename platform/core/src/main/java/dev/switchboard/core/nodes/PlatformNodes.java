package dev.switchboard.core.nodes;

import dev.switchboard.core.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * The nodes sharing the database and the work each holds. Every node registers at boot, then beats
 * its heart; a node whose heart stopped for {@link #DEAD_AFTER} is presumed dead and any live node
 * releases its work. A node that starts again first releases what it held before it died, so runs in
 * flight at a crash carry on as soon as it is back, not when some lock expires.
 */
@ApplicationScoped
public class PlatformNodes {

    /** Heartbeat interval. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** A node silent for this long is presumed dead. */
    public static final Duration DEAD_AFTER = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(PlatformNodes.class.getName());

    @Inject
    Database db;

    @Inject
    NodeIdentity identity;

    @Inject
    Instance<NodeWorkRecovery> recoveries;

    @Inject
    PlatformNodes self;

    /** Releases what this node held before it last stopped, then registers it as alive. Call at boot. */
    public void join() {
        String me = identity.id();
        self.recoverWorkOf(me);
        db.update("""
                INSERT INTO platform_node (node_id) VALUES (?)
                ON CONFLICT (node_id) DO UPDATE SET started_at = now(), heartbeat_at = now()""", me);
        LOG.info(() -> "Node " + me + " joined");
    }

    /** Marks this node alive; re-registers it if another node took it for dead in the meantime. */
    public void heartbeat() {
        String me = identity.id();
        if (db.update("UPDATE platform_node SET heartbeat_at = now() WHERE node_id = ?", me) == 0) {
            LOG.warning("Node " + me + " was taken for dead by another node, which released its work; rejoining");
            db.update("INSERT INTO platform_node (node_id) VALUES (?) ON CONFLICT (node_id) DO NOTHING", me);
        }
    }

    /** Releases the work of every node whose heart stopped. */
    public void releaseDeadNodes() {
        List<String> dead = db.query("""
                SELECT node_id FROM platform_node WHERE node_id <> ? AND heartbeat_at < now() - ? * interval '1 second'""",
                row -> row.getString(1), identity.id(), DEAD_AFTER.toSeconds());
        for (String node : dead) {
            LOG.warning("Node " + node + " stopped beating; releasing its work");
            self.recoverWorkOf(node);
        }
    }

    /** Leaves the cluster on a clean stop: nothing to recover for this node. */
    public void leave() {
        db.update("DELETE FROM platform_node WHERE node_id = ?", identity.id());
    }

    /**
     * Releases a node's work in one transaction, under a lock on that node's name so two nodes never
     * recover the same one at once.
     */
    @Transactional
    public void recoverWorkOf(String nodeId) {
        db.queryOne("SELECT pg_advisory_xact_lock(hashtext('switchboard-node-recovery:' || ?))", row -> true, nodeId);
        boolean me = nodeId.equals(identity.id());
        if (!me && db.queryOne("""
                SELECT 1 FROM platform_node WHERE node_id = ? AND heartbeat_at < now() - ? * interval '1 second'
                FOR UPDATE""", row -> true, nodeId, DEAD_AFTER.toSeconds()).isEmpty()) {
            return; // recovered by another node meanwhile, or alive again
        }
        for (NodeWorkRecovery recovery : recoveries) {
            int released = recovery.recover(nodeId);
            if (released > 0) {
                LOG.warning(() -> "Released " + released + " " + recovery.work() + " held by node " + nodeId);
            }
        }
        if (!me) {
            db.update("DELETE FROM platform_node WHERE node_id = ?", nodeId);
        }
    }
}
