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

    public static ActionSpec of(Extension extension) {
        Action action = extension.descriptor(Action.class);
        return new ActionSpec(action.id(), action.name(), action.description(), extension.pluginId(),
                extension.pluginVersion(), action.input(), action.output(), action.timeoutSeconds());
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
