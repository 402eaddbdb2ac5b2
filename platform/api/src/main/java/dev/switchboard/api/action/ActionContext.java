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

    /**
     * The key that makes this step's side effect happen at most once at the vendor: the same for
     * every attempt of one visit of the task (a retry, or a repeat after the node crashed mid-call),
     * different for each visit (a loop that comes back to the task). Pass it on where the vendor
     * takes one: the {@code Idempotency-Key} header, a deterministic email {@code Message-ID}. Where
     * the vendor takes none, send it along (a metadata field, a header) so a duplicate is traceable.
     *
     * @since 1.1
     */
    default String idempotencyKey() {
        return executionId();
    }

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
