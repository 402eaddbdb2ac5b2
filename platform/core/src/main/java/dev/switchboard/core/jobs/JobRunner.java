package dev.switchboard.core.jobs;

import dev.switchboard.core.config.PlatformConfig;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.db.FairQueue;
import dev.switchboard.core.nodes.NodeIdentity;
import dev.switchboard.core.nodes.NodeWorkRecovery;
import dev.switchboard.core.nodes.PlatformNodes;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Runs background jobs on this node: a poller claims queued jobs (fairly between locations, as many as
 * there are free workers, {@code switchboard.jobs.workers}, at most half of them for one location) and
 * hands each to a worker, which calls the job's {@link JobHandler}. However the handler ends (returns, throws, is told to stop) ends as that
 * job's outcome, never the runner's: a job that throws fails with its reason; one that stops because
 * the node stops (or that ends in any way but a cancellation while the node stops) goes back to the queue
 * and resumes from its checkpoint.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());
    private static final int LOCATIONS_PER_CLAIM = 32;
    private static final long IDLE_WAIT_MILLIS = 500;
    /** How long running jobs are given to reach a round boundary when the node stops. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** Tries at recording a job's outcome, 0.5 s, 1 s, 2 s … apart. */
    private static final int RECORD_ATTEMPTS = 6;
    private static final long FIRST_RECORD_RETRY_MILLIS = 500;
    private static final String NODE_STOPPED = "the node running it stopped; resumed from its checkpoint";
    /** How often jobs marked as this node's but run by none of its workers are looked for. */
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    @Inject
    JobQueue queue;

    @Inject
    Jobs jobs;

    @Inject
    NodeIdentity node;

    @Inject
    PlatformConfig config;

    @Resource
    ManagedThreadFactory threadFactory;

    private final Object signal = new Object();
    /** Whether the node runs jobs: false before {@link #start()} and once it stops. */
    volatile boolean running;
    private UUID cursor = FairQueue.FIRST;
    /** The jobs this node's workers hold: claimed by the poller, let go once their outcome is recorded or given up. */
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();

    /**
     * Starts the poller, the workers and the jobs' heartbeat.
     *
     * @return what stops them: running jobs are asked to stop and given a while to reach a round boundary
     */
    public synchronized AutoCloseable start() {
        int workers = config.jobWorkers();
        Semaphore free = new Semaphore(workers);
        ExecutorService pool = Executors.newFixedThreadPool(workers, threadFactory);
        running = true;
        Thread poller = threadFactory.newThread(() -> poll(free, pool));
        poller.setName("switchboard-job-poller");
        poller.start();
        return () -> {
            running = false;
            wakeUp();
            poller.join(TimeUnit.SECONDS.toMillis(10));
            pool.shutdown();
            if (!pool.awaitTermination(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warning("Background jobs did not stop within " + STOP_GRACE.toSeconds() + " s; they are interrupted "
                        + "and go back to the queue");
                pool.shutdownNow();
                pool.awaitTermination(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
            }
            // what is still marked as this node's (a worker that would not stop, an outcome that could not be
            // recorded) goes back to the queue now: a node that leaves may never join again under its name.
            // A run still going cannot commit any more of it, since it holds it by a claim that ends here.
            try (DatabaseScope scope = DatabaseScope.system("background jobs left at stop")) {
                int released = queue.releaseJobsOf(node.id(), NodeWorkRecovery.CRASHES_BEFORE_PARKING);
                if (released > 0) {
                    LOG.warning("Put back " + released + " background job(s) this node could not hand back itself");
                }
            }
        };
    }

    void onSubmitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobSubmitted job) {
        wakeUp();
    }

    private void wakeUp() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void poll(Semaphore free, ExecutorService pool) {
        long lastBeat = 0;
        long lastSweep = System.nanoTime();
        while (running) {
            int claimed = 0;
            try (DatabaseScope scope = DatabaseScope.system("background job claims")) {
                if (System.nanoTime() - lastBeat > PlatformNodes.HEARTBEAT.toNanos()) {
                    queue.heartbeat(node.id());
                    lastBeat = System.nanoTime();
                }
                if (System.nanoTime() - lastSweep > SWEEP_INTERVAL.toNanos()) {
                    lastSweep = System.nanoTime();
                    sweep();
                }
                claimed = claimRound(free, pool);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Claiming background jobs failed; trying again", e);
            }
            if (claimed == 0) {
                synchronized (signal) {
                    try {
                        signal.wait(IDLE_WAIT_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private int claimRound(Semaphore free, ExecutorService pool) {
        int capacity = free.availablePermits();
        if (capacity == 0) {
            return 0;
        }
        List<UUID> locations = queue.locationsWithQueuedJobs(cursor, LOCATIONS_PER_CLAIM);
        if (locations.isEmpty()) {
            cursor = FairQueue.FIRST;
            return 0;
        }
        int perLocation = Math.max(1, capacity / locations.size());
        List<JobQueue.Claimed> claimed = queue.claim(locations, perLocation, perLocationRunning(config.jobWorkers()), capacity,
                node.id());
        cursor = cursorAfter(locations, claimed.stream().map(job -> job.job().locationId().value()).collect(Collectors.toSet()));
        for (JobQueue.Claimed job : claimed) {
            free.acquireUninterruptibly();
            held.add(job.job().id());
            pool.execute(() -> {
                try (DatabaseScope scope = DatabaseScope.location(job.job().locationId().value())) {
                    run(new RunningJob(queue, job, node.id(), () -> !running));
                } finally {
                    held.remove(job.job().id());
                    free.release();
                    wakeUp();
                }
            });
        }
        return claimed.size();
    }

    /**
     * How many of one location's jobs a node runs at once: half its workers, rounded up, so a location
     * with several long imports leaves workers for the others' (claiming cannot take a worker back).
     */
    static int perLocationRunning(int workers) {
        return (workers + 1) / 2;
    }

    /**
     * Where the next claim starts: after the last listed location a job was claimed from, so the
     * locations listed after it, which got nothing this time (fewer workers were free than locations
     * waited), come first next time; after the whole list when nothing was claimed.
     */
    static UUID cursorAfter(List<UUID> listed, Set<UUID> claimedFrom) {
        for (int i = listed.size() - 1; i >= 0; i--) {
            if (claimedFrom.contains(listed.get(i))) {
                return listed.get(i);
            }
        }
        return listed.get(listed.size() - 1);
    }

    /** Runs one job to its outcome. */
    void run(RunningJob run) {
        Job job = run.job();
        Optional<JobHandler> handler = jobs.handler(job.kind());
        if (handler.isEmpty()) {
            record(job, () -> queue.finish(job.id(), node.id(), run.claim(), JobStatus.FAILED, null,
                    "no handler for jobs of kind '" + job.kind() + "' on this platform"));
            return;
        }
        JsonObject result;
        try {
            result = handler.get().run(run);
        } catch (JobRun.JobLost e) {
            LOG.warning(() -> e.getMessage());
            return;
        } catch (JobPaused e) {
            LOG.info(() -> "Background job " + job.id() + " (" + job.kind() + ") goes back to the queue: " + e.getMessage());
            record(job, () -> queue.requeue(job.id(), node.id(), run.claim(), e.delay(), e.getMessage()));
            return;
        } catch (Exception | Error e) {
            // a worker interrupted because the node stops still records its job's outcome
            boolean interrupted = Thread.interrupted();
            try {
                record(job, () -> {
                    if (run.cancelRequestedNow()) {
                        queue.finish(job.id(), node.id(), run.claim(), JobStatus.CANCELLED, null, null);
                    } else if (!running) {
                        LOG.log(Level.INFO, "Background job " + job.id() + " (" + job.kind() + ") ended as the node "
                                + "stopped; it goes back to the queue", e);
                        queue.requeue(job.id(), node.id(), run.claim(), Duration.ZERO, NODE_STOPPED);
                    } else {
                        LOG.log(Level.INFO, "Background job " + job.id() + " (" + job.kind() + ") failed", e);
                        queue.finish(job.id(), node.id(), run.claim(), JobStatus.FAILED, null, reason(e));
                    }
                });
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            return;
        }
        record(job, () -> {
            if (run.cancelRequestedNow()) {
                queue.finish(job.id(), node.id(), run.claim(), JobStatus.CANCELLED, result, null);
            } else if (!running && run.stopSeen()) {
                // it returned because the node stops, perhaps short of its end; a handler that never asked finished
                queue.requeue(job.id(), node.id(), run.claim(), Duration.ZERO, NODE_STOPPED);
            } else {
                queue.finish(job.id(), node.id(), run.claim(), JobStatus.SUCCEEDED, result, null);
            }
        });
    }

    /**
     * Records a job's outcome, trying again with back-off while the database is away. When it cannot,
     * the job stays RUNNING on this node with no worker: {@link #sweep} puts it back in the queue.
     */
    private void record(Job job, Runnable outcome) {
        long delay = FIRST_RECORD_RETRY_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                outcome.run();
                return;
            } catch (RuntimeException e) {
                if (attempt >= RECORD_ATTEMPTS) {
                    LOG.log(Level.SEVERE, "Recording the outcome of background job " + job.id() + " failed " + attempt
                            + " times; it goes back to the queue once the database answers", e);
                    return;
                }
                LOG.log(Level.WARNING, "Recording the outcome of background job " + job.id() + " failed; trying again", e);
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    LOG.severe("Gave up recording the outcome of background job " + job.id() + " as the node stops");
                    return;
                }
                delay *= 2;
            }
        }
    }

    /** Puts back in the queue the jobs marked as this node's that no worker here runs (their outcome was lost). */
    private void sweep() {
        int released = queue.releaseUnheld(node.id(), Set.copyOf(held));
        if (released > 0) {
            LOG.warning(() -> "Put back " + released + " background job(s) that no worker of this node ran");
        }
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
