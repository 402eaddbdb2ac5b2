package dev.switchboard.launcher.server;

import java.time.Duration;
import java.util.Optional;

/**
 * Watches the process that started this one and runs an action once it is gone, however it died:
 * a parent killed with SIGKILL runs no shutdown hook, so its children must notice by themselves or
 * live on as orphans holding the port and the database.
 */
public final class ParentWatch {

    private static final Duration INTERVAL = Duration.ofMillis(500);

    private ParentWatch() {
    }

    /**
     * Starts a daemon thread that polls the parent process and runs {@code onParentDeath} once when
     * it has exited. The parent is identified by pid and start time, so a reused pid is not taken
     * for the parent.
     *
     * @param parentPid the pid to watch; usually {@link ProcessHandle#parent()} of this process
     */
    public static void start(long parentPid, String name, Runnable onParentDeath) {
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        if (parent.isEmpty()) {
            onParentDeath.run();
            return;
        }
        ProcessHandle watched = parent.get();
        Optional<java.time.Instant> startedAt = watched.info().startInstant();
        Thread thread = new Thread(() -> {
            while (alive(watched, startedAt)) {
                try {
                    Thread.sleep(INTERVAL.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
            // not a daemon: the JVM must not exit halfway through the stop when the server's own threads end
            new Thread(onParentDeath, name + "-stop").start();
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Watches this process's parent, as it was when this method was called. */
    public static void startForParent(String name, Runnable onParentDeath) {
        long parentPid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        start(parentPid, name, onParentDeath);
    }

    private static boolean alive(ProcessHandle process, Optional<java.time.Instant> startedAt) {
        if (!process.isAlive()) {
            return false;
        }
        Optional<java.time.Instant> now = process.info().startInstant();
        return startedAt.isEmpty() || now.isEmpty() || startedAt.equals(now);
    }
}
