package dev.switchboard.api.settings;

import dev.switchboard.api.PluginException;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** This plugin's settings for one location, secrets decrypted. Provided by the host. */
@ProviderType
public interface PluginSettings {

    /** The value of a field, as text, if it is set. */
    Optional<String> get(String field);

    /** The value of a field that must be set; the exception names the field for the user. */
    default String require(String field) throws MissingSettingException {
        return get(field).orElseThrow(() -> new MissingSettingException(field));
    }

    /**
     * The settings as the plugin's settings record, values converted to the components' types and
     * defaults applied.
     *
     * @throws MissingSettingException when a required field is not set for this location
     * @throws PluginException when a stored value no longer fits the record (it changed in an upgrade)
     */
    <T extends SettingsType> T as(Class<T> type) throws PluginException;
}
