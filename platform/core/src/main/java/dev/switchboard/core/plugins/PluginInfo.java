package dev.switchboard.core.plugins;

import dev.switchboard.api.action.ActionDescriptor;
import dev.switchboard.api.settings.SettingField;
import java.util.List;

/**
 * A plugin as the API lists it.
 *
 * @param state OSGi bundle state: ACTIVE, RESOLVED, INSTALLED, STARTING, STOPPING
 * @param error why the plugin is not active, when it failed to start at boot
 */
public record PluginInfo(String id, String name, String version, String state, List<ActionDescriptor> actions,
                         List<SettingField> settings, String error) {
}
