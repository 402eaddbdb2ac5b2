package dev.switchboard.api.action;

/**
 * A step that workflows can run, contributed by a plugin.
 *
 * <p>Register an implementation as an OSGi service; the host finds it through the service
 * registry. Implementations must be thread-safe and keep no per-call state: the host calls
 * {@link #execute} concurrently for many workflow instances and locations.
 *
 * <pre>{@code
 * public final class SendEmailAction implements WorkflowAction {
 *     public ActionDescriptor descriptor() {
 *         return new ActionDescriptor("email.send", "Send email", "Sends an email to the contact",
 *             List.of(InputField.text("subject", "Subject", true), InputField.text("body", "Body", true)));
 *     }
 *     public ActionResult execute(ActionContext context) throws ActionException {
 *         String subject = context.input("subject");   // merge fields already rendered
 *         ...
 *         return ActionResult.of("sent to " + to);
 *     }
 * }
 * // in the bundle activator:
 * context.registerService(WorkflowAction.class, new SendEmailAction(), null);
 * }</pre>
 */
public interface WorkflowAction {

    /** What this action is: its id, name and inputs. Must return the same value on every call. */
    ActionDescriptor descriptor();

    /**
     * Runs the action once for one workflow step.
     *
     * @throws ActionException when the step failed; the message is shown in the step log and the
     *     host retries the step according to the workflow's retry policy
     */
    ActionResult execute(ActionContext context) throws ActionException;
}
