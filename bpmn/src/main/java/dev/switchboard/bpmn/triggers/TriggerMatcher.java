package dev.switchboard.bpmn.triggers;

import java.util.Map;

/**
 * Decides whether an event starts a workflow: same event type, and every match field equal to the
 * event's value (ignoring case and surrounding blanks: tags and emails are case-insensitive).
 */
public final class TriggerMatcher {

    private TriggerMatcher() {
    }

    public static boolean matches(WorkflowTrigger trigger, String eventType, Map<String, String> eventFields) {
        if (!trigger.event().equals(eventType)) {
            return false;
        }
        for (Map.Entry<String, String> condition : trigger.match().entrySet()) {
            String actual = eventFields.get(condition.getKey());
            if (actual == null || !actual.trim().equalsIgnoreCase(condition.getValue().trim())) {
                return false;
            }
        }
        return true;
    }
}
