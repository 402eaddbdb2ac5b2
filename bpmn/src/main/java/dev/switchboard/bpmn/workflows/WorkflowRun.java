package dev.switchboard.bpmn.workflows;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One run (process instance) of a workflow with its step log.
 *
 * @param state RUNNING, COMPLETED, or FAILED when a step ran out of retries
 */
public record WorkflowRun(String id, String workflowKey, int workflowVersion, String contactId, String state,
                          OffsetDateTime startedAt, OffsetDateTime endedAt, List<Step> steps) {

    /**
     * A step: every BPMN element the run passed, with plugin details for action steps.
     *
     * @param attempts the action's attempts so far, failed ones included
     */
    public record Step(String activityId, String name, String type, OffsetDateTime startedAt, OffsetDateTime endedAt,
                       String actionId, String pluginId, String pluginVersion, String status, String summary,
                       String error, int attempts) {
    }
}
