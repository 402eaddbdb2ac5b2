package dev.switchboard.api.action;

import java.util.Map;

/**
 * What an action reports after it ran.
 *
 * @param summary one line for the workflow's step log, e.g. {@code "sent to ada@example.com"}
 * @param outputs values later steps may read (stored as process variables under the step's id)
 */
public record ActionResult(String summary, Map<String, String> outputs) {

    public ActionResult {
        summary = summary == null ? "" : summary;
        outputs = outputs == null ? Map.of() : Map.copyOf(outputs);
    }

    public static ActionResult of(String summary) {
        return new ActionResult(summary, Map.of());
    }
}
