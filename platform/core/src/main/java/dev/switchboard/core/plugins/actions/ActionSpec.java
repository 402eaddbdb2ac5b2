package dev.switchboard.core.plugins.actions;

import dev.switchboard.api.action.Action;
import dev.switchboard.core.plugins.registry.Extension;
import dev.switchboard.core.plugins.schema.RecordSchemas;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;

/**
 * A workflow action as the platform knows it from its declaration: what the modeler offers, what
 * deployment checks a task against, and how a step is run.
 */
public record ActionSpec(String id, String name, String description, String pluginId, String pluginVersion,
                         Class<? extends Record> input, Class<? extends Record> output, int timeoutSeconds) {

    /** The plugin id under which the platform's own actions are listed and logged. */
    public static final String PLATFORM = "platform";

    public static ActionSpec of(Extension extension) {
        Action action = extension.descriptor(Action.class);
        return new ActionSpec(action.id(), action.name(), action.description(), extension.pluginId(),
                extension.pluginVersion(), action.input(), action.output(), action.timeoutSeconds());
    }

    /** A built-in action: the platform's, at the platform's version. */
    static ActionSpec builtIn(Action action, String platformVersion) {
        return new ActionSpec(action.id(), action.name(), action.description(), PLATFORM, platformVersion,
                action.input(), action.output(), action.timeoutSeconds());
    }

    public boolean isBuiltIn() {
        return PLATFORM.equals(pluginId);
    }

    public JsonObject inputSchema() {
        return RecordSchemas.of(input);
    }

    public JsonObject outputSchema() {
        return RecordSchemas.of(output);
    }

    /** The inputs a task must set. */
    public List<String> requiredInputs() {
        return inputSchema().containsKey("required")
                ? inputSchema().getJsonArray("required").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                : List.of();
    }
}
