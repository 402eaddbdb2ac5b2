package dev.switchboard.bpmn.workflows;

import dev.switchboard.bpmn.actions.ActionExecutions;
import dev.switchboard.bpmn.engine.WorkflowEngine;
import dev.switchboard.bpmn.engine.WorkflowLimits;
import dev.switchboard.bpmn.runs.WorkflowRuns;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.flowable.engine.runtime.Execution;
import org.flowable.job.api.Job;

/**
 * A FAILED run whose process instance still waits where it failed is an incident: a user can retry it
 * (its failed steps get new attempts, or the engine's parked job runs again), skip its failed steps (the
 * run goes on as if they had completed, without outputs), or cancel the run. A run with parallel
 * branches can wait at several failed steps: retry and skip take all of them. Every run id is looked up in
 * the location's own runs first, so another location's run is not found.
 */
@ApplicationScoped
public class RunIncidents {

    /** Tries given to a parked engine job that is retried. */
    static final int JOB_RETRIES = 3;

    @Inject
    WorkflowRuns runs;

    @Inject
    ActionExecutions steps;

    @Inject
    WorkflowEngine engine;

    @Inject
    WorkflowLimits limits;

    /** Where a run failed and what a user can do about it. */
    public record Incident(String activityId, String kind, String actionId, String error, boolean canRetry,
                           boolean canSkip) {

        /** A failed action step. */
        static final String STEP = "STEP";
        /** An engine job (a condition, a wait, a move between steps) that failed its tries and was parked. */
        static final String JOB = "JOB";
    }

    /** The run's incident, when it is one. */
    Optional<Incident> of(LocationId locationId, WorkflowRuns.Run run) {
        if (!"FAILED".equals(run.state())) {
            return Optional.empty();
        }
        List<Job> parked = parkedJobs(run);
        if (!parked.isEmpty()) {
            Job job = parked.get(0);
            return Optional.of(new Incident(job.getElementId(), Incident.JOB, null,
                    job.getExceptionMessage() == null ? run.error() : job.getExceptionMessage(), true, false));
        }
        return waitingFailedSteps(locationId, run).stream().findFirst().map(step -> new Incident(step.activityId(),
                Incident.STEP, step.actionId(), step.error(), true, true));
    }

    /** Runs the incident again: the parked jobs, or the failed step with the usual number of attempts. */
    @Transactional
    public void retry(LocationId locationId, String runId) {
        WorkflowRuns.Run run = failed(locationId, runId, "retried");
        List<Job> parked = parkedJobs(run);
        if (!parked.isEmpty()) {
            resume(run);
            parked.forEach(job -> engine.management().moveDeadLetterJobToExecutableJob(job.getId(), JOB_RETRIES));
            return;
        }
        List<ActionExecutions.Failed> failed = waitingFailedSteps(locationId, run);
        if (failed.isEmpty()) {
            throw nothingLeft(run, "retried");
        }
        resume(run);
        // every failed step the run waits at: parallel branches can have failed one each
        failed.forEach(step -> steps.retry(step.id(), limits.maxActionAttempts()));
    }

    /** Passes over the failed step: the run moves on from it, in a job of the engine, as if it had completed. */
    @Transactional
    public void skip(LocationId locationId, String runId, String by) {
        WorkflowRuns.Run run = failed(locationId, runId, "skipped");
        if (!parkedJobs(run).isEmpty()) {
            throw ProblemException.conflict("run " + runId + " failed in the engine, not in an action step, so there"
                    + " is no step to skip: retry it or cancel it");
        }
        List<ActionExecutions.Failed> failed = waitingFailedSteps(locationId, run);
        if (failed.isEmpty()) {
            throw nothingLeft(run, "skipped");
        }
        resume(run);
        for (ActionExecutions.Failed step : failed) {
            steps.skip(step.id(), by);
            engine.continueAfterStep(step.executionId(), step.activityId());
        }
    }

    /** Ends a running or failed run as CANCELLED; its steps not yet made are never made. */
    @Transactional
    public void cancel(LocationId locationId, String runId, String by) {
        WorkflowRuns.Run run = runs.find(locationId, runId).orElseThrow(() -> ProblemException.notFound("workflow run " + runId));
        if (!"RUNNING".equals(run.state()) && !"FAILED".equals(run.state())) {
            throw ProblemException.conflict("run " + runId + " is " + run.state() + ": only a running or failed run can be"
                    + " cancelled");
        }
        if (!engine.cancel(locationId, run.id(), "cancelled by " + by)) {
            throw nothingLeft(run, "cancelled");
        }
    }

    private WorkflowRuns.Run failed(LocationId locationId, String runId, String what) {
        WorkflowRuns.Run run = runs.find(locationId, runId).orElseThrow(() -> ProblemException.notFound("workflow run " + runId));
        if (!"FAILED".equals(run.state())) {
            throw ProblemException.conflict("run " + runId + " is " + run.state() + ": only a failed run can be " + what);
        }
        return run;
    }

    private void resume(WorkflowRuns.Run run) {
        if (!runs.resumed(run.id())) {
            throw ProblemException.conflict("run " + run.id() + " is no longer failed: someone else acted on it first");
        }
    }

    private List<Job> parkedJobs(WorkflowRuns.Run run) {
        return engine.management().createDeadLetterJobQuery().processInstanceId(run.id())
                .jobTenantId(run.locationId().toString()).list();
    }

    /** The run's failed steps it still waits at, the one that gave up last first. */
    private List<ActionExecutions.Failed> waitingFailedSteps(LocationId locationId, WorkflowRuns.Run run) {
        return steps.failed(locationId, run.id()).stream().filter(step -> {
            Execution execution = engine.runtime().createExecutionQuery().executionId(step.executionId())
                    .executionTenantId(locationId.toString()).singleResult();
            return execution != null && step.activityId().equals(execution.getActivityId());
        }).toList();
    }

    private static ProblemException nothingLeft(WorkflowRuns.Run run, String what) {
        return ProblemException.conflict("run " + run.id() + " cannot be " + what + ": "
                + (run.id().startsWith("failed-start-") ? "it failed before it started, so there is nothing to resume"
                        : "it no longer waits where it failed"));
    }
}
