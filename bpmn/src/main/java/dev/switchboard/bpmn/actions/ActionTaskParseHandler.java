package dev.switchboard.bpmn.actions;

import java.util.function.Supplier;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.ImplementationType;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.engine.impl.bpmn.behavior.MultiInstanceActivityBehavior;
import org.flowable.engine.impl.bpmn.parser.BpmnParse;
import org.flowable.engine.impl.bpmn.parser.handler.AbstractBpmnParseHandler;

/**
 * Gives every {@code sb:action} service task the {@link ActionTaskBehavior}. Registered twice: before
 * Flowable's own handler, to give the task a placeholder implementation (Flowable's handler needs one
 * to build the task, and the multi-instance wrapper around it); and after it, to put the platform's
 * behaviour in the placeholder's place, inside the multi-instance wrapper if there is one.
 */
public final class ActionTaskParseHandler extends AbstractBpmnParseHandler<ServiceTask> {

    /** Never evaluated: replaced before any run can reach it. */
    private static final String PLACEHOLDER = "switchboard-action-task";

    /** A behaviour per task: a multi-instance wrapper links itself into the behaviour it wraps. */
    private final Supplier<ActionTaskBehavior> behaviors;

    private ActionTaskParseHandler(Supplier<ActionTaskBehavior> behaviors) {
        this.behaviors = behaviors;
    }

    /** The handler to run before Flowable's. */
    public static ActionTaskParseHandler before() {
        return new ActionTaskParseHandler(null);
    }

    /** The handler to run after Flowable's. */
    public static ActionTaskParseHandler after(Supplier<ActionTaskBehavior> behaviors) {
        return new ActionTaskParseHandler(behaviors);
    }

    @Override
    protected Class<? extends BaseElement> getHandledType() {
        return ServiceTask.class;
    }

    @Override
    protected void executeParse(BpmnParse bpmnParse, ServiceTask task) {
        if (ActionTask.of(task).isEmpty()) {
            return;
        }
        if (behaviors == null) {
            task.setImplementationType(ImplementationType.IMPLEMENTATION_TYPE_DELEGATEEXPRESSION);
            task.setImplementation(PLACEHOLDER);
        } else if (task.getBehavior() instanceof MultiInstanceActivityBehavior multiInstance) {
            multiInstance.setInnerActivityBehavior(behaviors.get());
        } else {
            task.setBehavior(behaviors.get());
        }
    }
}
