package dev.switchboard.core.jobs;

import dev.switchboard.core.config.PlatformConfig;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.db.FairQueue;
import dev.switchboard.core.nodes.NodeIdentity;
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
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs background jobs on this node: a poller claims queued jobs (fairly between locations, as many as
 * there are free workers, {@code switchboard.jobs.workers}) and hands each to a worker, which calls the
 * job's {@link JobHandler}. However the handler ends (returns, throws, is told to stop) ends as that
 * job's outcome, never the runner's: a job that throws fails with its reason; one that stops because
 * the node stops goes back to the queue and resumes from its checkpoint.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());
    private static final int LOCATIONS_PER_CLAIM = 32;
    private static final long IDLE_WAIT_MILLIS = 500;
    /** How long running jobs are given to reach a round boundary when the node stops. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

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
    private volatile boolean running;
    private UUID cursor = FairQueue.FIRST;

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
                // a handler that does not stop keeps its job RUNNING on this node: it resumes when the node joins again
                LOG.warning("Background jobs did not stop within " + STOP_GRACE.toSeconds() + " s; they resume at the next start");
                pool.shutdownNow();
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
        while (running) {
            int claimed = 0;
            try (DatabaseScope scope = DatabaseScope.system("background job claims")) {
                if (System.nanoTime() - lastBeat > PlatformNodes.HEARTBEAT.toNanos()) {
                    queue.heartbeat(node.id());
                    lastBeat = System.nanoTime();
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
        cursor = locations.get(locations.size() - 1);
        int perLocation = Math.max(1, capacity / locations.size());
        List<JobQueue.Claimed> claimed = queue.claim(locations, perLocation, capacity, node.id());
        for (JobQueue.Claimed job : claimed) {
            free.acquireUninterruptibly();
            pool.execute(() -> {
                try (DatabaseScope scope = DatabaseScope.location(job.job().locationId().value())) {
                    run(new RunningJob(queue, job, node.id(), () -> !running));
                } finally {
                    free.release();
                    wakeUp();
                }
            });
        }
        return claimed.size();
    }

    /** Runs one job to its outcome. */
    void run(RunningJob run) {
        Job job = run.job();
        Optional<JobHandler> handler = jobs.handler(job.kind());
        try {
            if (handler.isEmpty()) {
                queue.finish(job.id(), node.id(), JobStatus.FAILED, null, "no handler for jobs of kind '" + job.kind()
                        + "' on this platform");
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
                queue.requeue(job.id(), node.id(), e.delay(), e.getMessage());
                return;
            } catch (Exception | LinkageError e) {
                if (run.cancelRequestedNow()) {
                    queue.finish(job.id(), node.id(), JobStatus.CANCELLED, null, null);
                } else {
                    LOG.log(Level.INFO, "Background job " + job.id() + " (" + job.kind() + ") failed", e);
                    queue.finish(job.id(), node.id(), JobStatus.FAILED, null, reason(e));
                }
                return;
            }
            if (run.cancelRequestedNow()) {
                queue.finish(job.id(), node.id(), JobStatus.CANCELLED, result, null);
            } else if (!running) {
                queue.requeue(job.id(), node.id(), Duration.ZERO, "the node running it stopped; resumed from its checkpoint");
            } else {
                queue.finish(job.id(), node.id(), JobStatus.SUCCEEDED, result, null);
            }
        } catch (RuntimeException e) {
            // the database is away: the job stays RUNNING on this node and resumes when the node's work is recovered
            LOG.log(Level.SEVERE, "Recording the outcome of background job " + job.id() + " failed", e);
        }
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
