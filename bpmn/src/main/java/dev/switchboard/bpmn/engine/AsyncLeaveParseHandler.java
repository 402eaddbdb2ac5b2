package dev.switchboard.bpmn.engine;

import java.util.Set;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.ConditionalEventDefinition;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.IntermediateCatchEvent;
import org.flowable.bpmn.model.MessageEventDefinition;
import org.flowable.engine.impl.bpmn.parser.BpmnParse;
import org.flowable.engine.impl.bpmn.parser.handler.AbstractBpmnParseHandler;

/**
 * Makes a run leave a message wait (a reply, an event) or a wait for a condition in a job of its own: delivering the event only
 * records that it arrived, and whatever follows (a condition that fails, the next step) happens in the
 * engine's job, where a failure is the run's incident rather than a lost event.
 */
final class AsyncLeaveParseHandler extends AbstractBpmnParseHandler<Event> {

    @Override
    protected Class<? extends BaseElement> getHandledType() {
        return IntermediateCatchEvent.class;
    }

    /** Message waits, and goals: message boundary events that pull a run out of what it was doing. */
    @Override
    public Set<Class<? extends BaseElement>> getHandledTypes() {
        return Set.of(IntermediateCatchEvent.class, BoundaryEvent.class);
    }

    @Override
    protected void executeParse(BpmnParse bpmnParse, Event event) {
        if (event.getEventDefinitions().stream().anyMatch(definition -> definition instanceof MessageEventDefinition
                || definition instanceof ConditionalEventDefinition)) {
            event.setAsynchronousLeave(true);
        }
    }
}
