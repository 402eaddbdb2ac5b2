package dev.switchboard.api.action;

import dev.switchboard.api.PluginException;

/** An action step failed; the message is shown in the step log. */
public class ActionException extends PluginException {

    private static final long serialVersionUID = 1L;

    public ActionException(String message) {
        super(message);
    }

    public ActionException(String message, Throwable cause) {
        super(message, cause);
    }
}
