package dev.switchboard.core.nodes;

/**
 * Releases the work a dead node held, so other nodes (or the node itself, restarted) carry it on. One
 * implementation per kind of work (engine jobs, action executions, event deliveries); each is an
 * {@code @ApplicationScoped} CDI bean and is called inside the recovery's transaction. Work that was
 * running when its node died for the second time is parked as an incident instead of being retried
 * into a crash loop.
 */
public interface NodeWorkRecovery {

    /** Crashes after which a piece of work is parked instead of retried. */
    int CRASHES_BEFORE_PARKING = 2;

    /** What this recovery covers, for the log: "engine jobs". */
    String work();

    /**
     * Releases what {@code deadNodeId} held.
     *
     * @return how many pieces of work were released or parked
     */
    int recover(String deadNodeId);
}
