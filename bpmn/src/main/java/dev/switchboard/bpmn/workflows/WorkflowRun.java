package dev.switchboard.bpmn.workflows;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One run (process instance) of a workflow with its step log.
 *
 * @param state RUNNING, COMPLETED, CANCELLED, or FAILED (a step gave up, a limit was crossed, the run could
 *     not start, or it crashed its node twice)
 * @param error why the run FAILED; {@code null} otherwise
 * @param incident where a FAILED run waits and whether it can be retried or skipped
 */
public record WorkflowRun(String id, String workflowKey, int workflowVersion, String contactId, String state,
                          String error,
                          @Schema(description = "Where a FAILED run stopped and what can be done: retry, skip (a failed"
                                  + " action step only) or cancel. Null in lists and for runs that are not incidents.")
                          RunIncidents.Incident incident,
                          OffsetDateTime startedAt, OffsetDateTime endedAt, List<Step> steps) {

    /**
     * A step: every BPMN element the run passed, with plugin details for action steps.
     *
     * @param status for an action: PENDING, RUNNING, COMPLETED or FAILED; else RUNNING or COMPLETED
     * @param attempts the action's attempts so far, failed ones included
     * @param vendorId the id the vendor gave the action's side effect (an email's Message-ID)
     * @param idempotencyKey the key the plugin was given for this visit of the task
     * @param log what the plugin wrote to the step log in the action's last attempt that called it
     */
    public record Step(String activityId, String name, String type, OffsetDateTime startedAt, OffsetDateTime endedAt,
                       String actionId, String pluginId, String pluginVersion, String status, String summary,
                       String error, int attempts, String vendorId, String idempotencyKey,
                       @Schema(description = "For an action: the lines its plugin wrote to the step log (context.log())"
                               + " in its last attempt that called the plugin, oldest first, each \"INFO …\" or"
                               + " \"WARN …\". At most 100 lines of at most 1000 characters (a longer line is cut and"
                               + " ends in …), and a last line counting the lines dropped. Empty for other elements.",
                               example = "[\"INFO looked up ada@example.com\", \"WARN the vendor answered slowly\"]")
                       List<String> log,
                       @Schema(description = "For an action: its inputs as the step was entered, merge fields rendered")
                       Map<String, String> inputs,
                       @Schema(description = "For a completed action: its outputs (run variables <activityId>_<name>)"
                               + " and the run variables it set by name")
                       Map<String, String> outputs,
                       @Schema(description = "The sequence flows the run took out of this element, in the order it"
                               + " took them: a gateway's chosen branch (or branches), with the flow's name and"
                               + " condition. Empty while the run is still at the element, and at an end.")
                       List<TakenFlow> next) {
    }

    /**
     * A sequence flow a run took.
     *
     * @param condition the flow's condition as written (FEEL), or null for a flow without one (a default
     *     flow, or the only way on)
     */
    public record TakenFlow(String id, String name, String targetId, String condition) {
    }
}
