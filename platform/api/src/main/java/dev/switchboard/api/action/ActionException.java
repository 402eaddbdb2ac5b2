package dev.switchboard.api.action;

/**
 * Thrown by {@link WorkflowAction#execute} when a step failed. The message is shown to users in
 * the step log: say what went wrong and what to check ("SMTP server refused the sender: …").
 */
public class ActionException extends Exception {

    private static final long serialVersionUID = 1L;

    public ActionException(String message) {
        super(message);
    }

    public ActionException(String message, Throwable cause) {
        super(message, cause);
    }
}
