package dev.switchboard.core.db;

import dev.switchboard.core.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/** Flat {@code jsonb} objects of strings, as several platform tables keep them. */
public final class JsonColumns {

    private JsonColumns() {
    }

    /** Reads a column selected as {@code column::text}. */
    public static Map<String, String> strings(String json) {
        JsonObject object = Json.createReader(new StringReader(json)).readObject();
        Map<String, String> values = new LinkedHashMap<>();
        object.forEach((key, value) -> values.put(key, object.getString(key)));
        return values;
    }

    /** The text to bind to {@code ?::jsonb}. */
    public static String json(Map<String, String> values) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        values.forEach(object::add);
        return object.build().toString();
    }
}
