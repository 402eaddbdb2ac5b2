package dev.switchboard.bpmn.runs;

import dev.switchboard.core.tenancy.LocationId;
import java.util.Collection;
import java.util.Set;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.common.engine.api.delegate.event.FlowableEventType;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.common.engine.impl.interceptor.CommandContextCloseListener;
import org.flowable.engine.delegate.event.FlowableActivityCancelledEvent;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.job.api.Job;

/**
 * Keeps {@code workflow_run} in step with the engine, inside the engine's own transaction: a run ends
 * COMPLETED or CANCELLED with its process instance, and FAILED when one of its jobs is parked in the
 * dead-letter table (out of retries, over a limit, or crashing its node).
 */
public final class RunStateListener implements FlowableEventListener {

    private final WorkflowRuns runs;

    public RunStateListener(WorkflowRuns runs) {
        this.runs = runs;
    }

    @Override
    public void onEvent(FlowableEvent event) {
        if (event.getType() == FlowableEngineEventType.PROCESS_COMPLETED
                || event.getType() == FlowableEngineEventType.PROCESS_COMPLETED_WITH_TERMINATE_END_EVENT) {
            runs.ended(processInstanceId(event), "COMPLETED");
        } else if (event.getType() == FlowableEngineEventType.PROCESS_STARTED
                && event instanceof FlowableEntityEvent entityEvent && entityEvent.getEntity() instanceof ExecutionEntity execution
                && startedOnSchedule(execution.getProcessInstance() == null ? execution : execution.getProcessInstance())) {
            // a timer start event's run: no event and no contact started it, so nothing else records it
            ExecutionEntity instance = execution.getProcessInstance() == null ? execution : execution.getProcessInstance();
            ProcessDefinition definition = ProcessDefinitionUtil.getProcessDefinition(instance.getProcessDefinitionId());
            runs.started(instance.getId(), LocationId.parse(instance.getTenantId()), definition.getKey(),
                    definition.getVersion(), null, null);
        } else if (event.getType() == FlowableEngineEventType.ACTIVITY_CANCELLED
                && event instanceof FlowableActivityCancelledEvent cancelled && "serviceTask".equals(cancelled.getActivityType())) {
            runs.stepLeft(cancelled.getProcessInstanceId(), cancelled.getExecutionId(), cancelled.getActivityId());
        } else if (event.getType() == FlowableEngineEventType.PROCESS_CANCELLED) {
            runs.ended(processInstanceId(event), "CANCELLED");
        } else if (event.getType() == FlowableEngineEventType.JOB_MOVED_TO_DEADLETTER
                && event instanceof FlowableEntityEvent entityEvent && entityEvent.getEntity() instanceof Job job
                && job.getProcessInstanceId() != null) {
            // the engine sets the job's error after moving it: read it when the command closes, still in its transaction
            Context.getCommandContext().addCloseListener(new FailRunOnClose(runs, job));
        }
    }

    @Override
    public Collection<? extends FlowableEventType> getTypes() {
        return Set.of(FlowableEngineEventType.PROCESS_STARTED, FlowableEngineEventType.PROCESS_COMPLETED,
                FlowableEngineEventType.ACTIVITY_CANCELLED,
                FlowableEngineEventType.PROCESS_COMPLETED_WITH_TERMINATE_END_EVENT,
                FlowableEngineEventType.PROCESS_CANCELLED, FlowableEngineEventType.JOB_MOVED_TO_DEADLETTER);
    }

    /**
     * Whether the run began at a timer start event: a recurring schedule's run. The platform starts every
     * other run with a business key (its contact, or its event), and a called workflow has a parent.
     */
    private static boolean startedOnSchedule(ExecutionEntity instance) {
        if (!instance.isProcessInstanceType() || instance.getBusinessKey() != null || instance.getSuperExecutionId() != null) {
            return false;
        }
        Process process = ProcessDefinitionUtil.getProcess(instance.getProcessDefinitionId());
        return process != null && process.findFlowElementsOfType(StartEvent.class, false).stream()
                .anyMatch(start -> start.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance));
    }

    private static String processInstanceId(FlowableEvent event) {
        if (event instanceof FlowableEntityEvent entityEvent && entityEvent.getEntity() instanceof ProcessInstance instance) {
            return instance.getProcessInstanceId();
        }
        return ((org.flowable.common.engine.api.delegate.event.FlowableEngineEvent) event).getProcessInstanceId();
    }

    /** Marks the run of a parked job FAILED with the job's error, just before the engine's transaction commits. */
    private record FailRunOnClose(WorkflowRuns runs, Job job) implements CommandContextCloseListener {

        @Override
        public void closing(CommandContext context) {
            // the event carries the job as it was; the parked copy, made in this command, has the error
            Job parked = CommandContextUtil.getProcessEngineConfiguration(context).getJobServiceConfiguration()
                    .getDeadLetterJobEntityManager().findById(job.getId());
            String error = parked != null && parked.getExceptionMessage() != null ? parked.getExceptionMessage()
                    : job.getExceptionMessage();
            runs.failed(job.getProcessInstanceId(), error == null ? "a step failed and is out of retries" : error);
        }

        @Override
        public void afterSessionsFlush(CommandContext context) {
        }

        @Override
        public void closed(CommandContext context) {
        }

        @Override
        public void closeFailure(CommandContext context) {
        }

        @Override
        public Integer order() {
            return 0;
        }

        @Override
        public boolean multipleAllowed() {
            return true;
        }
    }

    /** A failure to record the run's state fails the engine's transaction: the two never disagree. */
    @Override
    public boolean isFailOnException() {
        return true;
    }

    @Override
    public boolean isFireOnTransactionLifecycleEvent() {
        return false;
    }

    @Override
    public String getOnTransaction() {
        return null;
    }
}
