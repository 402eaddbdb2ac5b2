package dev.switchboard.core.jobs;

import java.time.Duration;

/**
 * Thrown by a {@link JobHandler} that cannot go on now but can later (what it calls is busy, or is being
 * replaced): the job goes back to the queue and resumes from its last checkpoint after {@link #delay()}.
 */
public class JobPaused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration delay;

    public JobPaused(String reason, Duration delay) {
        super(reason);
        this.delay = delay;
    }

    public Duration delay() {
        return delay;
    }
}
