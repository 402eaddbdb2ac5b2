package dev.switchboard.bpmn.engine;

import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.engine.impl.bpmn.parser.BpmnParse;
import org.flowable.engine.impl.bpmn.parser.handler.AbstractBpmnParseHandler;

/**
 * Makes every start event asynchronous: starting a run only creates it and one job, so the event
 * dispatcher's work per run is small and fixed, and whatever follows the start (a condition that
 * fails, a huge multi-instance) happens in the engine's job, where it fails that run alone.
 */
final class AsyncStartParseHandler extends AbstractBpmnParseHandler<StartEvent> {

    @Override
    protected Class<? extends BaseElement> getHandledType() {
        return StartEvent.class;
    }

    @Override
    protected void executeParse(BpmnParse bpmnParse, StartEvent start) {
        start.setAsynchronous(true);
    }
}
