package dev.switchboard.bpmn.engine;

import org.flowable.job.api.FlowableUnrecoverableJobException;

/**
 * A run crossed one of the {@link WorkflowLimits}. Unrecoverable: retrying would cross it again, so
 * the engine parks the job at once and the run fails with this message.
 */
public class WorkflowLimitExceeded extends FlowableUnrecoverableJobException {

    private static final long serialVersionUID = 1L;

    public WorkflowLimitExceeded(String message) {
        super(message);
    }
}
