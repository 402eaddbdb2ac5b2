package dev.switchboard.api.settings;

import java.util.Optional;

/**
 * A plugin's configuration for one location, as set by the location's admin. Secret fields are
 * stored encrypted by the host and decrypted only for the call that reads them.
 */
public interface PluginSettings {

    /** The value of a field, if it is set. */
    Optional<String> get(String field);

    /** The value of a field that must be set; the exception names the field for the step log. */
    default String require(String field) throws MissingSettingException {
        return get(field).orElseThrow(() -> new MissingSettingException(field));
    }
}
