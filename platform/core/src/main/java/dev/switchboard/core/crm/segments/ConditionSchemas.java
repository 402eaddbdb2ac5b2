package dev.switchboard.core.crm.segments;

import dev.switchboard.core.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** Pieces of the JSON Schemas that condition types describe themselves with. */
public final class ConditionSchemas {

    private ConditionSchemas() {
    }

    /**
     * A condition object: {@code type} fixed to {@code type}, the given members, the required ones,
     * and no others.
     */
    public static JsonObject condition(String type, String title, String description, JsonObject properties, String... required) {
        JsonArrayBuilder requiredList = Json.createArrayBuilder().add("type");
        for (String member : required) {
            requiredList.add(member);
        }
        return Json.createObjectBuilder()
                .add("type", "object")
                .add("title", title)
                .add("description", description)
                .add("properties", Json.createObjectBuilder(properties).add("type", Json.createObjectBuilder().add("const", type)))
                .add("required", requiredList)
                .add("additionalProperties", false)
                .build();
    }

    public static JsonObjectBuilder enumeration(List<String> values) {
        return Json.createObjectBuilder().add("type", "string").add("enum", Json.createArrayBuilder(values));
    }

    /** The value of a comparison: whatever its operator takes (a text, number, date, list, pair or span). */
    public static JsonObject value() {
        return Json.createObjectBuilder()
                .add("description", "What the operator compares with: a text, number, date (2026-11-26) or boolean; a list "
                        + "for in and notIn; a pair [low, high] for between; a span {amount, unit} for inLast, inNext, "
                        + "moreThanAgo and anniversaryInNext; nothing for isEmpty and isNotEmpty")
                .add("oneOf", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "string").add("maxLength", Condition.MAX_TEXT))
                        .add(Json.createObjectBuilder().add("type", "number"))
                        .add(Json.createObjectBuilder().add("type", "boolean"))
                        .add(Json.createObjectBuilder().add("type", "array").add("minItems", 1).add("maxItems", Condition.MAX_LIST))
                        .add(span()))
                .build();
    }

    public static JsonObject span() {
        return Json.createObjectBuilder()
                .add("type", "object")
                .add("properties", Json.createObjectBuilder()
                        .add("amount", Json.createObjectBuilder().add("type", "integer").add("minimum", 0)
                                .add("maximum", Condition.MAX_SPAN_DAYS))
                        .add("unit", enumeration(List.of("days", "weeks", "months", "years"))))
                .add("required", Json.createArrayBuilder().add("amount").add("unit"))
                .add("additionalProperties", false)
                .build();
    }
}
