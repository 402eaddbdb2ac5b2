package dev.switchboard.bpmn.triggers;

import dev.switchboard.bpmn.SwitchboardBpmn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowable.bpmn.model.ExtensionElement;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.StartEvent;

/**
 * What starts a workflow: a platform event type and field values the event must carry,
 * declared on the process's start event:
 * <pre>{@code
 * <startEvent id="start"><extensionElements>
 *   <sb:trigger event="contact.tag_added"><sb:match field="tag" value="lead"/></sb:trigger>
 * </extensionElements></startEvent>
 * }</pre>
 */
public record WorkflowTrigger(String event, Map<String, String> match) {

    public WorkflowTrigger {
        match = Map.copyOf(match);
    }

    /** The trigger of the process's none start event, if it declares one. */
    public static Optional<WorkflowTrigger> of(Process process) {
        for (StartEvent start : process.findFlowElementsOfType(StartEvent.class, false)) {
            for (ExtensionElement trigger : start.getExtensionElements().getOrDefault(SwitchboardBpmn.TRIGGER, List.of())) {
                if (!SwitchboardBpmn.NAMESPACE.equals(trigger.getNamespace())) {
                    continue;
                }
                Map<String, String> match = new LinkedHashMap<>();
                for (ExtensionElement condition : trigger.getChildElements().getOrDefault(SwitchboardBpmn.MATCH, List.of())) {
                    match.put(condition.getAttributeValue(null, "field"), condition.getAttributeValue(null, "value"));
                }
                return Optional.of(new WorkflowTrigger(trigger.getAttributeValue(null, "event"), match));
            }
        }
        return Optional.empty();
    }
}
