package dev.switchboard.bpmn.actions;

import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.ImplementationType;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.engine.impl.bpmn.parser.BpmnParse;
import org.flowable.engine.impl.bpmn.parser.handler.AbstractBpmnParseHandler;

/**
 * Runs before Flowable's own service task handler: a task with {@code sb:action} is bound to the
 * one shared {@link ActionTaskDelegate} and made asynchronous, so each action runs in its own job
 * with the engine's retries, after the transaction that started the workflow committed.
 */
public final class ActionTaskParseHandler extends AbstractBpmnParseHandler<ServiceTask> {

    public static final String DELEGATE_BEAN = "switchboardActions";

    @Override
    protected Class<? extends BaseElement> getHandledType() {
        return ServiceTask.class;
    }

    @Override
    protected void executeParse(BpmnParse bpmnParse, ServiceTask task) {
        if (ActionTask.of(task).isPresent() && task.getImplementation() == null) {
            task.setImplementationType(ImplementationType.IMPLEMENTATION_TYPE_DELEGATEEXPRESSION);
            task.setImplementation("${" + DELEGATE_BEAN + "}");
            task.setAsynchronous(true);
        }
    }
}
