package dev.switchboard.core.jobs;

import jakarta.json.JsonObject;

/**
 * Does the work of one kind of background job. Implementations are {@code @ApplicationScoped} CDI
 * beans, found by {@link #kind()}; a module adds a kind of job by adding a handler, and nothing in the
 * job framework changes.
 *
 * <p>A handler works in rounds: each round's writes commit together with the progress they make and
 * a new checkpoint ({@link JobRun#commit}), so a job whose node dies or stops resumes from its last
 * checkpoint on another node, or the same one restarted, without repeating committed work. Between
 * rounds it asks {@link JobRun#stopRequested()} and returns early when told to.
 */
public interface JobHandler {

    /** The kind of job this handler does: {@code "import"}. */
    String kind();

    /**
     * Runs the job from its checkpoint (none on the first run) until it is done or asked to stop.
     *
     * @return what the finished job reports (shown with it), or {@code null}
     * @throws JobPaused when the job cannot go on now but can later (it goes back to the queue)
     * @throws Exception anything else fails the job, its message as the reason
     */
    JsonObject run(JobRun run) throws Exception;
}
