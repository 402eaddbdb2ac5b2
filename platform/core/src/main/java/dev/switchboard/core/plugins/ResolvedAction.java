package dev.switchboard.core.plugins;

import dev.switchboard.api.action.WorkflowAction;

/** A workflow action found in the registry, with the plugin that provides it right now. */
public record ResolvedAction(WorkflowAction action, String pluginId, String pluginVersion) {
}
