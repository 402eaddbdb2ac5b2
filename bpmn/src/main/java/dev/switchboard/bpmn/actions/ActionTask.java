package dev.switchboard.bpmn.actions;

import dev.switchboard.bpmn.SwitchboardBpmn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowable.bpmn.model.ExtensionElement;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.ServiceTask;

/**
 * A service task that runs a plugin action: {@code <serviceTask sb:action="email.send">} with its
 * {@code <sb:input>} values (merge fields not yet rendered) and the {@code <sb:output>} mappings of its
 * outputs to run variables. Read from the model on every
 * execution, so the shared delegate holds no per-task state.
 */
public record ActionTask(String activityId, String actionId, Map<String, String> inputs, List<OutputMapping> outputs) {

    public static Optional<ActionTask> of(FlowElement element) {
        if (!(element instanceof ServiceTask task)) {
            return Optional.empty();
        }
        String actionId = task.getAttributeValue(SwitchboardBpmn.NAMESPACE, SwitchboardBpmn.ACTION);
        if (actionId == null || actionId.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        for (ExtensionElement input : task.getExtensionElements().getOrDefault(SwitchboardBpmn.INPUT, List.of())) {
            if (SwitchboardBpmn.NAMESPACE.equals(input.getNamespace())) {
                String name = input.getAttributeValue(null, "name");
                if (name != null) {
                    inputs.put(name, input.getElementText() == null ? "" : input.getElementText());
                }
            }
        }
        List<OutputMapping> outputs = new ArrayList<>();
        for (ExtensionElement output : task.getExtensionElements().getOrDefault(SwitchboardBpmn.OUTPUT, List.of())) {
            if (SwitchboardBpmn.NAMESPACE.equals(output.getNamespace())) {
                outputs.add(OutputMapping.of(output.getAttributeValue(null, "name"), output.getElementText()));
            }
        }
        return Optional.of(new ActionTask(task.getId(), actionId.trim(), inputs, List.copyOf(outputs)));
    }
}
