package dev.switchboard.core.jobs;

import java.util.UUID;

/** A job was queued; the runner hears it once the transaction that queued it committed, and claims it at once. */
public record JobSubmitted(UUID jobId) {
}
