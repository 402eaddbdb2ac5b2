package dev.switchboard.host;

import dev.switchboard.core.problems.ProblemException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Request bodies read as JSON values: resources that want an object refuse anything else with a 400. */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** The body as an object; a missing body, or an array, string, number or literal, is a bad request. */
    public static JsonObject object(JsonValue body) {
        if (body == null) {
            throw ProblemException.badRequest("the request body is empty; send a JSON object");
        }
        if (body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ProblemException.badRequest("the request body must be a JSON object, not " + body.getValueType()
                    .name().toLowerCase(java.util.Locale.ROOT));
        }
        return body.asJsonObject();
    }
}
