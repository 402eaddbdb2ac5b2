package dev.switchboard.bpmn.engine;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.flowable.job.api.JobInfo;
import org.flowable.job.service.impl.asyncexecutor.AcquireJobsRunnableConfiguration;
import org.flowable.job.service.impl.asyncexecutor.AcquireTimerJobsRunnable;
import org.flowable.job.service.impl.asyncexecutor.AcquireTimerLifecycleListener;
import org.flowable.job.service.impl.asyncexecutor.AsyncExecutor;
import org.flowable.job.service.impl.asyncexecutor.AsyncJobExecutorConfiguration;
import org.flowable.job.service.impl.asyncexecutor.DefaultAsyncJobExecutor;
import org.flowable.job.service.impl.asyncexecutor.JobManager;

/**
 * Flowable's async executor with every thread it starts made by the server's managed thread
 * factory. Flowable creates its acquisition, reset and timer-move threads with {@code new Thread};
 * on such threads the server does not enlist JDBC connections in the JTA transaction the engine
 * begins, so each statement commits on its own and a failed command leaves half its work behind
 * (a retried job ended up both a timer and an executable job). On managed threads every engine
 * command is one transaction again.
 */
final class ManagedAsyncJobExecutor extends DefaultAsyncJobExecutor {

    private final ThreadFactory threadFactory;
    private final RunningJobs runningJobs;

    ManagedAsyncJobExecutor(AsyncJobExecutorConfiguration configuration, ThreadFactory threadFactory,
                            RunningJobs runningJobs) {
        super(configuration);
        this.threadFactory = threadFactory;
        this.runningJobs = runningJobs;
    }

    /** Each job runs between notes that it is running on this node: see {@link RunningJobs}. */
    @Override
    protected Runnable createRunnableForJob(JobInfo job) {
        return runningJobs.around(job.getId(), job.getTenantId(), super.createRunnableForJob(job));
    }

    @Override
    protected void initializeRunnables() {
        if (configuration.isTimerRunnableNeeded() && timerJobRunnable == null) {
            timerJobRunnable = new ManagedAcquireTimerJobsRunnable(this, getJobServiceConfiguration().getJobManager(),
                    timerLifecycleListener, new AcquireTimerRunnableConfiguration(),
                    configuration.getMoveTimerExecutorPoolSize(), threadFactory);
        }
        super.initializeRunnables();
    }

    @Override
    protected void startJobAcquisitionThread() {
        if (asyncJobAcquisitionThread == null && configuration.isAsyncJobAcquisitionEnabled()) {
            asyncJobAcquisitionThread = threadFactory.newThread(asyncJobsDueRunnable);
        }
        super.startJobAcquisitionThread();
    }

    @Override
    protected void startTimerAcquisitionThread() {
        if (timerJobAcquisitionThread == null && configuration.isTimerJobAcquisitionEnabled()) {
            timerJobAcquisitionThread = threadFactory.newThread(timerJobRunnable);
        }
        super.startTimerAcquisitionThread();
    }

    @Override
    protected void startResetExpiredJobsThread() {
        if (resetExpiredJobThread == null && configuration.isResetExpiredJobEnabled()) {
            resetExpiredJobThread = threadFactory.newThread(resetExpiredJobsRunnable);
        }
        super.startResetExpiredJobsThread();
    }

    /** Moves due timers to executable jobs on managed threads too. */
    private static final class ManagedAcquireTimerJobsRunnable extends AcquireTimerJobsRunnable {

        private final ThreadFactory threadFactory;
        private final int poolSize;

        ManagedAcquireTimerJobsRunnable(AsyncExecutor executor, JobManager jobManager,
                                        AcquireTimerLifecycleListener listener, AcquireJobsRunnableConfiguration configuration,
                                        int poolSize, ThreadFactory threadFactory) {
            super(executor, jobManager, listener, configuration, poolSize);
            this.threadFactory = threadFactory;
            this.poolSize = poolSize;
        }

        @Override
        protected void createTimerMoveExecutorService(String threadName) {
            // same shape as Flowable's: a tiny queue, the caller runs the move when the pool is busy
            ThreadPoolExecutor executor = new ThreadPoolExecutor(poolSize, poolSize, 5, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(1), threadFactory, new ThreadPoolExecutor.CallerRunsPolicy());
            executor.allowCoreThreadTimeOut(true);
            moveTimerJobsExecutorService = executor;
        }
    }
}
