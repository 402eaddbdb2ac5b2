package dev.switchboard.bpmn.profile;

import org.flowable.bpmn.model.EventListener;
import org.flowable.bpmn.model.FlowableListener;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.engine.delegate.CustomPropertiesResolver;
import org.flowable.engine.delegate.ExecutionListener;
import org.flowable.engine.delegate.TransactionDependentExecutionListener;
import org.flowable.engine.impl.bpmn.parser.factory.ListenerFactory;
import org.flowable.task.service.delegate.TaskListener;
import org.flowable.engine.delegate.TransactionDependentTaskListener;

/**
 * Listeners declared in a model (execution, task and event listeners: Java classes, expressions,
 * scripts) are code, so none of them runs: each fails the run when it would fire. The platform's own
 * listeners are registered on the engine, not in models, and are not affected.
 */
public final class RefusingListenerFactory implements ListenerFactory {

    private static FlowableException refused(String what) {
        return new FlowableException(what + " declared in the workflow is not part of the platform's profile");
    }

    private static ExecutionListener execution(FlowableListener listener) {
        return execution -> {
            throw refused("execution listener '" + describe(listener) + "'");
        };
    }

    private static TaskListener task(FlowableListener listener) {
        return task -> {
            throw refused("task listener '" + describe(listener) + "'");
        };
    }

    private static String describe(FlowableListener listener) {
        return listener.getImplementation() == null ? String.valueOf(listener.getImplementationType())
                : Feel.abbreviate(listener.getImplementation());
    }

    @Override
    public TaskListener createClassDelegateTaskListener(FlowableListener listener) {
        return task(listener);
    }

    @Override
    public TaskListener createExpressionTaskListener(FlowableListener listener) {
        return task(listener);
    }

    @Override
    public TaskListener createDelegateExpressionTaskListener(FlowableListener listener) {
        return task(listener);
    }

    @Override
    public TaskListener createScriptTypeTaskListener(FlowableListener listener) {
        return task(listener);
    }

    @Override
    public ExecutionListener createClassDelegateExecutionListener(FlowableListener listener) {
        return execution(listener);
    }

    @Override
    public ExecutionListener createExpressionExecutionListener(FlowableListener listener) {
        return execution(listener);
    }

    @Override
    public ExecutionListener createDelegateExpressionExecutionListener(FlowableListener listener) {
        return execution(listener);
    }

    @Override
    public ExecutionListener createScriptTypeExecutionListener(FlowableListener listener) {
        return execution(listener);
    }

    @Override
    public TransactionDependentExecutionListener createTransactionDependentDelegateExpressionExecutionListener(
            FlowableListener listener) {
        return (processInstanceId, executionId, flowElement, executionVariables, customPropertiesMap) -> {
            throw refused("execution listener '" + describe(listener) + "'");
        };
    }

    @Override
    public TransactionDependentTaskListener createTransactionDependentDelegateExpressionTaskListener(
            FlowableListener listener) {
        return (processInstanceId, executionId, task, executionVariables, customPropertiesMap) -> {
            throw refused("task listener '" + describe(listener) + "'");
        };
    }

    @Override
    public FlowableEventListener createClassDelegateEventListener(EventListener listener) {
        return new RefusedEventListener(listener);
    }

    @Override
    public FlowableEventListener createDelegateExpressionEventListener(EventListener listener) {
        return new RefusedEventListener(listener);
    }

    @Override
    public FlowableEventListener createEventThrowingEventListener(EventListener listener) {
        return new RefusedEventListener(listener);
    }

    @Override
    public CustomPropertiesResolver createClassDelegateCustomPropertiesResolver(FlowableListener listener) {
        return execution -> {
            throw refused("custom properties resolver '" + describe(listener) + "'");
        };
    }

    @Override
    public CustomPropertiesResolver createExpressionCustomPropertiesResolver(FlowableListener listener) {
        return createClassDelegateCustomPropertiesResolver(listener);
    }

    @Override
    public CustomPropertiesResolver createDelegateExpressionCustomPropertiesResolver(FlowableListener listener) {
        return createClassDelegateCustomPropertiesResolver(listener);
    }

    /** An event listener of a model: fails whatever event it is given. */
    private record RefusedEventListener(EventListener listener) implements FlowableEventListener {

        @Override
        public void onEvent(FlowableEvent event) {
            throw refused("event listener '" + listener.getImplementation() + "'");
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
}
