package dev.switchboard.api.settings;

import dev.switchboard.api.PluginException;

/** A setting the plugin needs is not configured for the location. */
public class MissingSettingException extends PluginException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public MissingSettingException(String field) {
        super("plugin setting '" + field + "' is not configured for this location");
        this.field = field;
    }

    /** The name of the missing setting. */
    public String field() {
        return field;
    }
}
