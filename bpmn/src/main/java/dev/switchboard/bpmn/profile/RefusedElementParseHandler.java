package dev.switchboard.bpmn.profile;

import dev.switchboard.bpmn.actions.ActionTask;
import java.util.Set;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.BusinessRuleTask;
import org.flowable.bpmn.model.CaseServiceTask;
import org.flowable.bpmn.model.ExternalWorkerServiceTask;
import org.flowable.bpmn.model.HttpServiceTask;
import org.flowable.bpmn.model.ScriptTask;
import org.flowable.bpmn.model.SendEventServiceTask;
import org.flowable.bpmn.model.SendTask;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.UserTask;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.bpmn.behavior.AbstractBpmnActivityBehavior;
import org.flowable.engine.impl.bpmn.behavior.MultiInstanceActivityBehavior;
import org.flowable.engine.impl.bpmn.parser.BpmnParse;
import org.flowable.engine.impl.bpmn.parser.handler.AbstractBpmnParseHandler;

/**
 * Run-time half of the profile for tasks: after Flowable has built its behaviours, every task kind
 * that runs code (script, shell, http, camel, mule, mail, DMN, Java class, expression or delegate
 * expression service tasks, user tasks with their listeners) gets a behaviour that fails the run
 * instead. Only {@code sb:action} service tasks keep theirs, which the platform supplies.
 */
public final class RefusedElementParseHandler extends AbstractBpmnParseHandler<Activity> {

    private static final Set<Class<? extends BaseElement>> REFUSED = Set.of(ScriptTask.class, ServiceTask.class,
            SendTask.class, BusinessRuleTask.class, UserTask.class, CaseServiceTask.class, HttpServiceTask.class,
            ExternalWorkerServiceTask.class, SendEventServiceTask.class);

    @Override
    public Set<Class<? extends BaseElement>> getHandledTypes() {
        return REFUSED;
    }

    @Override
    protected Class<? extends BaseElement> getHandledType() {
        return Activity.class;
    }

    @Override
    protected void executeParse(BpmnParse bpmnParse, Activity activity) {
        if (ActionTask.of(activity).isPresent()) {
            return;
        }
        Refused refused = new Refused(activity.getId());
        if (activity.getBehavior() instanceof MultiInstanceActivityBehavior multiInstance) {
            multiInstance.setInnerActivityBehavior(refused);
        } else {
            activity.setBehavior(refused);
        }
    }

    /** Fails the run at the element, naming it. */
    static final class Refused extends AbstractBpmnActivityBehavior {

        private static final long serialVersionUID = 1L;

        private final String elementId;

        Refused(String elementId) {
            this.elementId = elementId;
        }

        @Override
        public void execute(DelegateExecution execution) {
            throw new FlowableException("element '" + elementId + "' is not part of the platform's profile: "
                    + "only sb:action service tasks run (see docs/bpmn-support.md)");
        }

        @Override
        public void trigger(DelegateExecution execution, String signalName, Object signalData) {
            execute(execution);
        }
    }
}
