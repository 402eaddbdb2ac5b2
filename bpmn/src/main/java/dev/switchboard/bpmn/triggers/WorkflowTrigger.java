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
 * What starts a workflow: a platform event type, field values the event must carry, and optionally a
 * FEEL condition over the event and its contact, declared on the process's start event:
 * <pre>{@code
 * <startEvent id="start"><extensionElements>
 *   <sb:trigger event="contact.tag_added"><sb:match field="tag" value="lead"/></sb:trigger>
 * </extensionElements></startEvent>
 * <startEvent id="start"><extensionElements>
 *   <sb:trigger event="opportunity.status_changed">
 *     <sb:condition>= event.status = "won" and contact.customFields.plan in ["gold", "platinum"]</sb:condition>
 *   </sb:trigger>
 * </extensionElements></startEvent>
 * }</pre>
 *
 * @param condition the condition ({@code = …}), or null
 */
public record WorkflowTrigger(String event, Map<String, String> match, String condition) {

    public WorkflowTrigger {
        match = Map.copyOf(match);
    }

    public WorkflowTrigger(String event, Map<String, String> match) {
        this(event, match, null);
    }

    /** A published workflow's trigger, as kept for matching events. */
    public record Registered(String processKey, WorkflowTrigger trigger) {
    }

    /**
     * The {@code <sb:match field="…" value="…"/>} elements among extension elements (a trigger's children,
     * or a message catch event's), by field.
     */
    public static Map<String, String> matchOf(Map<String, List<ExtensionElement>> elements) {
        Map<String, String> match = new LinkedHashMap<>();
        for (ExtensionElement condition : elements.getOrDefault(SwitchboardBpmn.MATCH, List.of())) {
            if (SwitchboardBpmn.NAMESPACE.equals(condition.getNamespace())) {
                match.put(condition.getAttributeValue(null, "field"), condition.getAttributeValue(null, "value"));
            }
        }
        return match;
    }

    /** The trigger of the process's none start event, if it declares one. */
    public static Optional<WorkflowTrigger> of(Process process) {
        for (StartEvent start : process.findFlowElementsOfType(StartEvent.class, false)) {
            for (ExtensionElement trigger : start.getExtensionElements().getOrDefault(SwitchboardBpmn.TRIGGER, List.of())) {
                if (!SwitchboardBpmn.NAMESPACE.equals(trigger.getNamespace())) {
                    continue;
                }
                return Optional.of(new WorkflowTrigger(trigger.getAttributeValue(null, "event"), matchOf(trigger.getChildElements()),
                        EventCondition.of(trigger.getChildElements()).orElse(null)));
            }
        }
        return Optional.empty();
    }
}
