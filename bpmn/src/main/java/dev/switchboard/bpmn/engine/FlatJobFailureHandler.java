package dev.switchboard.bpmn.engine;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.flowable.job.api.JobInfo;
import org.flowable.job.service.JobServiceConfiguration;
import org.flowable.job.service.impl.asyncexecutor.AsyncRunnableExecutionExceptionHandler;

/**
 * Records a failed job (fewer retries, a timer for the next attempt, or the dead-letter table) in one
 * plain transaction. Flowable's default handler nests a REQUIRES_NEW command inside another
 * command; on the server's transaction manager that suspend/resume left the following engine
 * transactions on the thread uncommitted ("idle in transaction"), which locked the process instance
 * and stalled every later retry.
 */
final class FlatJobFailureHandler implements AsyncRunnableExecutionExceptionHandler {

    private static final Logger LOG = Logger.getLogger(FlatJobFailureHandler.class.getName());

    @Override
    public boolean handleException(JobServiceConfiguration configuration, JobInfo job, Throwable exception) {
        LOG.log(Level.WARNING, "Workflow job " + job.getId() + " failed: " + exception.getMessage(), exception);
        configuration.getCommandExecutor().execute(
                configuration.getFailedJobCommandFactory().getCommand(job.getId(), exception));
        return true;
    }
}
