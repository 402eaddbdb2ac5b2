package dev.switchboard.api;

/**
 * A plugin call failed for a reason the plugin can name: the message is shown to the user (the step
 * log, the webhook's answer) as it is, so write it for them.
 */
public class PluginException extends Exception {

    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
