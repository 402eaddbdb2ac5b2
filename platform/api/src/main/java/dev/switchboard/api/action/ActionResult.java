package dev.switchboard.api.action;

import java.util.Map;

/**
 * What an action reports after it ran.
 *
 * <pre>{@code
 * return ActionResult.of("sent to " + to).withVendorId(messageId);
 * }</pre>
 *
 * @param summary one line for the workflow's step log, e.g. {@code "sent to ada@example.com"}
 * @param outputs values later steps may read (stored as process variables under the step's id)
 * @param vendorId the id the vendor gave the side effect (an email's Message-ID, an SMS's SID), kept
 *     with the step so a delivery can be traced at the vendor; {@code null} when there is none
 */
public record ActionResult(String summary, Map<String, String> outputs, String vendorId) {

    public ActionResult {
        summary = summary == null ? "" : summary;
        outputs = outputs == null ? Map.of() : Map.copyOf(outputs);
    }

    /** A result without a vendor id (the form of SDK 1.0). */
    public ActionResult(String summary, Map<String, String> outputs) {
        this(summary, outputs, null);
    }

    public static ActionResult of(String summary) {
        return new ActionResult(summary, Map.of(), null);
    }

    /** @since 1.1 */
    public ActionResult withVendorId(String id) {
        return new ActionResult(summary, outputs, id);
    }
}
