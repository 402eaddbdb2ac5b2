package dev.switchboard.core.jobs;

import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The {@link JobRun} of a claimed job. Its calls enter the job's location scope themselves, since a
 * handler may call them from a thread of its own. Cancellation is read from the database at most once
 * a second.
 */
final class RunningJob implements JobRun {

    private static final long CANCEL_CHECK_NANOS = 1_000_000_000L;

    private final JobQueue queue;
    private final Job job;
    private final String node;
    private final UUID claim;
    private final BooleanSupplier stopping;
    private volatile JsonValue checkpoint;
    private final AtomicLong handled;
    private volatile boolean cancelled;
    private volatile boolean stopSeen;
    private volatile long cancelCheckedAt = System.nanoTime();

    RunningJob(JobQueue queue, JobQueue.Claimed claimed, String node, BooleanSupplier stopping) {
        this.queue = queue;
        this.job = claimed.job();
        this.node = node;
        this.claim = claimed.claim();
        this.stopping = stopping;
        this.checkpoint = claimed.checkpoint().orElse(null);
        this.handled = new AtomicLong(job.done() + job.failed());
        this.cancelled = job.cancelRequested();
    }

    @Override
    public UUID id() {
        return job.id();
    }

    @Override
    public LocationId locationId() {
        return job.locationId();
    }

    @Override
    public Optional<UUID> createdBy() {
        return job.creator();
    }

    @Override
    public JsonObject parameters() {
        return job.parameters();
    }

    @Override
    public Optional<JsonValue> checkpoint() {
        return Optional.ofNullable(checkpoint);
    }

    @Override
    public long handled() {
        return handled.get();
    }

    @Override
    public void expect(long total) {
        try (DatabaseScope scope = DatabaseScope.location(job.locationId().value())) {
            queue.expect(job.id(), node, claim, total);
        }
    }

    @Override
    public void commit(Function<Round, JsonValue> work) {
        long[] counted = new long[1];
        JsonValue next;
        try (DatabaseScope scope = DatabaseScope.location(job.locationId().value())) {
            next = queue.commit(job.id(), job.locationId(), node, claim, round -> work.apply(new Round() {
                @Override
                public void done(long count) {
                    round.done(count);
                    counted[0] += count;
                }

                @Override
                public void failed(String reference, String reason) {
                    round.failed(reference, reason);
                    counted[0]++;
                }
            }));
        }
        checkpoint = next;
        handled.addAndGet(counted[0]);
    }

    @Override
    public boolean stopRequested() {
        if (stopping.getAsBoolean()) {
            stopSeen = true;
            return true;
        }
        return cancelRequested();
    }

    /** Whether the handler asked, and was told, that the node stops: only then may it have stopped short. */
    boolean stopSeen() {
        return stopSeen;
    }

    @Override
    public boolean cancelRequested() {
        if (!cancelled && System.nanoTime() - cancelCheckedAt > CANCEL_CHECK_NANOS) {
            cancelCheckedAt = System.nanoTime();
            try (DatabaseScope scope = DatabaseScope.location(job.locationId().value())) {
                cancelled = queue.cancelRequested(job.id());
            }
        }
        return cancelled;
    }

    /** Whether a user asked to cancel, read now rather than within the last second. */
    boolean cancelRequestedNow() {
        if (!cancelled) {
            try (DatabaseScope scope = DatabaseScope.location(job.locationId().value())) {
                cancelled = queue.cancelRequested(job.id());
            }
        }
        return cancelled;
    }

    Job job() {
        return job;
    }

    /** The claim this run holds its job by. */
    UUID claim() {
        return claim;
    }
}
