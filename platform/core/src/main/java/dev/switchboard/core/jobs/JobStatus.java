package dev.switchboard.core.jobs;

/** Where a background job is: waiting, running on a node, or finished one of three ways. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
