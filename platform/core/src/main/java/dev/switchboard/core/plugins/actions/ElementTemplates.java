package dev.switchboard.core.plugins.actions;

import dev.switchboard.core.json.Json;
import dev.switchboard.core.plugins.locations.PluginLocations;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Element templates for the modeler, generated from the actions the location's plugins declare: one
 * template per action, applying to service tasks, whose properties are the action id (hidden) and one
 * field per input of the action's input record, typed, labelled and constrained as its JSON Schema says.
 * The format follows the bpmn-io element templates (name, id, version, appliesTo, properties with
 * bindings); the bindings name the platform's own extension: {@code sb:action} as a property of the
 * task, each input as an {@code sb:input} element of that name.
 */
@ApplicationScoped
public class ElementTemplates {

    /** The property binding of the action id. */
    public static final String ACTION_BINDING = "sb:action";
    /** The binding type of an input. */
    public static final String INPUT_BINDING = "sb:input";

    @Inject
    ActionCatalog actions;

    @Inject
    PluginLocations locations;

    /** One template per action: the platform's, then those of the plugins active in the location, by action id. */
    public List<JsonObject> forLocation(LocationId locationId) {
        Set<String> off = locations.list(locationId).stream().filter(plugin -> !plugin.enabled())
                .map(PluginLocations.LocationPlugin::id).collect(Collectors.toSet());
        return actions.all().stream().filter(action -> !off.contains(action.pluginId()))
                .map(ElementTemplates::template).toList();
    }

    static JsonObject template(ActionSpec action) {
        JsonArrayBuilder properties = Json.createArrayBuilder();
        properties.add(Json.createObjectBuilder().add("type", "Hidden").add("value", action.id())
                .add("binding", Json.createObjectBuilder().add("type", "property").add("name", ACTION_BINDING)));
        JsonObject schema = action.inputSchema();
        JsonObject inputs = schema.containsKey("properties") ? schema.getJsonObject("properties") : JsonValue.EMPTY_JSON_OBJECT;
        List<String> required = action.requiredInputs();
        inputs.forEach((name, value) -> properties.add(input(name, value.asJsonObject(), required.contains(name))));
        return Json.createObjectBuilder()
                .add("name", action.name())
                .add("id", "switchboard." + action.id())
                .add("description", action.description())
                .add("version", 1)
                .add("appliesTo", Json.createArrayBuilder().add("bpmn:ServiceTask"))
                .add("category", Json.createObjectBuilder().add("id", action.pluginId())
                        .add("name", action.isBuiltIn() ? "Built-in" : action.pluginId()))
                .add("metadata", Json.createObjectBuilder().add("pluginId", action.pluginId())
                        .add("pluginVersion", action.pluginVersion()).add("outputs", action.outputSchema()))
                .add("properties", properties)
                .build();
    }

    private static JsonObjectBuilder input(String name, JsonObject property, boolean required) {
        JsonObjectBuilder field = Json.createObjectBuilder()
                .add("label", property.getString("title", name))
                .add("type", fieldType(property))
                .add("binding", Json.createObjectBuilder().add("type", INPUT_BINDING).add("name", name));
        if (property.containsKey("description")) {
            field.add("description", property.getString("description"));
        }
        if (property.containsKey("default")) {
            field.add("value", String.valueOf(property.get("default") instanceof JsonString text ? text.getString()
                    : property.get("default").toString()));
        }
        if (property.containsKey("enum")) {
            JsonArrayBuilder choices = Json.createArrayBuilder();
            property.getJsonArray("enum").forEach(choice -> {
                String text = choice instanceof JsonString string ? string.getString() : choice.toString();
                choices.add(Json.createObjectBuilder().add("name", text).add("value", text));
            });
            field.add("choices", choices);
        }
        JsonObjectBuilder constraints = Json.createObjectBuilder();
        boolean any = false;
        if (required) {
            constraints.add("notEmpty", true);
            any = true;
        }
        if (property.containsKey("maxLength")) {
            constraints.add("maxLength", property.getInt("maxLength"));
            any = true;
        }
        if (any) {
            field.add("constraints", constraints);
        }
        return field;
    }

    private static String fieldType(JsonObject property) {
        if (property.containsKey("enum")) {
            return "Dropdown";
        }
        if (property.getBoolean("x-multiline", false)) {
            return "Text";
        }
        return "boolean".equals(property.getString("type", "")) ? "Boolean" : "String";
    }
}
