package dev.switchboard.core.plugins.actions;

/** Why a built-in action could not do its step, in words for the step log. */
public class ActionFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ActionFailure(String message) {
        super(message);
    }
}
