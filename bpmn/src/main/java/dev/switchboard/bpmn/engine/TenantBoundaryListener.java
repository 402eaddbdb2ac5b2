package dev.switchboard.bpmn.engine;

import java.util.Objects;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;

/**
 * A run never crosses its location: a process started by another's call activity must belong to
 * the same tenant (location). Flowable resolves called processes by key within the caller's
 * tenant; this listener stops any other path (a definition id, a fallback to the default tenant)
 * before the called run's first step.
 */
final class TenantBoundaryListener implements FlowableEventListener {

    @Override
    public void onEvent(FlowableEvent event) {
        if (event.getType() != FlowableEngineEventType.PROCESS_CREATED
                || !(event instanceof FlowableEngineEntityEvent entityEvent)
                || !(entityEvent.getEntity() instanceof ExecutionEntity instance)
                || instance.getSuperExecutionId() == null) {
            return;
        }
        ExecutionEntity caller = instance.getSuperExecution();
        if (caller != null && !Objects.equals(caller.getTenantId(), instance.getTenantId())) {
            throw new FlowableException("a run of location " + caller.getTenantId()
                    + " cannot call a workflow of another location (" + instance.getProcessDefinitionKey() + ")");
        }
    }

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
