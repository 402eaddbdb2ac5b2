package dev.switchboard.api.action;

import dev.switchboard.api.settings.PluginSettings;
import java.util.Map;
import java.util.Optional;

/**
 * What the host hands an action for one execution. Valid only during {@link WorkflowAction#execute}.
 */
public interface ActionContext {

    /** The location (sub-account) the workflow runs for. */
    String locationId();

    /** Unique id of this step execution; stable across retries of the same step. */
    String executionId();

    /** All inputs of the service task, merge fields already rendered. */
    Map<String, String> inputs();

    /** One input, merge fields rendered, or {@code null} when the task does not set it. */
    default String input(String name) {
        return inputs().get(name);
    }

    /** The contact the workflow runs for, when it was started by a contact event. */
    Optional<ContactView> contact();

    /** This plugin's settings for {@link #locationId()}, secrets decrypted. */
    PluginSettings settings();
}
