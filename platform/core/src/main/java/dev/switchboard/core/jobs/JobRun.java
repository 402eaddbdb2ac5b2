package dev.switchboard.core.jobs;

import dev.switchboard.core.tenancy.LocationId;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * One run of a background job, as its {@link JobHandler} sees it. Safe to use from other threads than
 * the one the handler was called on (a plugin's call runs on a thread of its own).
 */
public interface JobRun {

    UUID id();

    LocationId locationId();

    /** Who started the job; empty for jobs the platform started itself. */
    Optional<UUID> createdBy();

    JsonObject parameters();

    /** The checkpoint of the last committed round; empty on a job's first run. */
    Optional<JsonValue> checkpoint();

    /** Items done and failed so far, as committed. */
    long handled();

    /** Tells how many items the job has in all, for its progress and time left. */
    void expect(long total);

    /**
     * Runs {@code work} in one transaction (in the job's location) together with the progress it
     * reports through its {@link Round} and the checkpoint it returns: all of it commits, or none. A job
     * this node no longer holds (its node was taken for dead and the job given to another) commits
     * nothing: the call throws {@link JobLost}, and the handler should let it pass.
     *
     * @param work the round's writes; returns what {@link JobHandler#run} needs to resume after the round
     *     (JSON of at most 64 KB)
     */
    void commit(Function<Round, JsonValue> work);

    /** Whether the job should stop at the next round boundary: it was cancelled, or its node is stopping. */
    boolean stopRequested();

    /** Whether a user asked for the job to be cancelled. */
    boolean cancelRequested();

    /** What one committed round did. */
    interface Round {

        /** {@code count} more items completed. */
        void done(long count);

        /** An item that could not be used: its reference in the source and why (listed in the job's errors). */
        void failed(String reference, String reason);
    }

    /** The job was taken from this node while it ran: the round was not committed. */
    final class JobLost extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public JobLost(UUID jobId) {
            super("job " + jobId + " is no longer held by this node; its round was not committed");
        }
    }
}
