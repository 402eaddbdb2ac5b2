package dev.switchboard.bpmn.engine;

import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.CallActivity;
import org.flowable.engine.impl.bpmn.parser.BpmnParse;
import org.flowable.engine.impl.bpmn.parser.handler.AbstractBpmnParseHandler;

/**
 * A workflow called by another ({@code callActivity}) runs for the same contact: it takes the calling
 * run's business key (its contact, by which event waits find their runs) and its variables
 * ({@code contactId}, what earlier steps set), so that its actions, merge fields, conditions and waits
 * work as in a workflow started for the contact.
 */
final class CalledWorkflowParseHandler extends AbstractBpmnParseHandler<CallActivity> {

    @Override
    protected Class<? extends BaseElement> getHandledType() {
        return CallActivity.class;
    }

    @Override
    protected void executeParse(BpmnParse bpmnParse, CallActivity call) {
        call.setInheritBusinessKey(true);
        call.setInheritVariables(true);
    }
}
