package dev.switchboard.api.settings;

import dev.switchboard.api.action.ActionException;

/** A required plugin setting is not configured for the location. */
public class MissingSettingException extends ActionException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public MissingSettingException(String field) {
        super("plugin setting '" + field + "' is not configured for this location");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
