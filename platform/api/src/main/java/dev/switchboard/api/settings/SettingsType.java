package dev.switchboard.api.settings;

import dev.switchboard.api.ExtensionPoint;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The extension point of a plugin's settings: implemented by the plugin's settings record, which
 * carries {@link Settings}. It is only read, never instantiated by the registry.
 */
@ConsumerType
@ExtensionPoint(descriptor = Settings.class, instantiated = false, key = "")
public interface SettingsType {
}
