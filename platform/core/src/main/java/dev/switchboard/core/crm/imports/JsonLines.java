package dev.switchboard.core.crm.imports;

import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One row of a JSON lines file: an object with the contact API's member names, its {@code customFields}
 * object read as columns {@code customFields.<key>}. A blank line is a row without values.
 */
final class JsonLines {

    static final String CUSTOM = "customFields";
    /** Deepest nesting of a row's values (an object of arrays of …). */
    private static final int MAX_DEPTH = 4;

    private JsonLines() {
    }

    /** The row's columns and values, in the order met; refuses a line that is not an object of storable values. */
    static Map<String, JsonValue> parse(String line, long row) {
        Map<String, JsonValue> columns = new LinkedHashMap<>();
        if (line.isBlank()) {
            return columns;
        }
        JsonObject object;
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject read)) {
                throw ProblemException.badRequest("row " + row + ": a row of a JSON lines file is a JSON object, not "
                        + value.getValueType().name().toLowerCase(java.util.Locale.ROOT));
            }
            object = read;
        } catch (JsonParsingException e) {
            throw ProblemException.badRequest("row " + row + ": not JSON: " + e.getMessage());
        } catch (jakarta.json.JsonException e) {
            throw ProblemException.badRequest("row " + row + ": not a JSON object: " + e.getMessage());
        }
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            String name = member.getKey();
            JsonValue value = member.getValue();
            check(value, row, "/" + name, 1);
            if (name.equals(CUSTOM) && value instanceof JsonObject custom) {
                custom.forEach((key, customValue) -> columns.put(CUSTOM + "." + key, customValue));
            } else {
                columns.put(name, value);
            }
        }
        return columns;
    }

    /** A value as a column's sample shows it: text as it is, a list joined by commas, other values as JSON. */
    static String text(JsonValue value) {
        if (value instanceof JsonString text) {
            return text.getString();
        }
        if (value instanceof JsonArray array) {
            return array.stream().map(JsonLines::text).collect(Collectors.joining(", "));
        }
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? "" : value.toString();
    }

    private static void check(JsonValue value, long row, String pointer, int depth) {
        if (depth > MAX_DEPTH) {
            throw ProblemException.badRequest("row " + row + ", " + pointer + ": nested deeper than " + MAX_DEPTH + " levels");
        }
        switch (value.getValueType()) {
            case STRING -> {
                String text = ((JsonString) value).getString();
                if (text.length() > ImportLimits.MAX_CELL) {
                    throw ProblemException.badRequest("row " + row + ", " + pointer + ": " + text.length()
                            + " characters; a value has at most " + ImportLimits.MAX_CELL);
                }
                String unstorable = Texts.unstorable(text);
                if (unstorable != null) {
                    throw ProblemException.badRequest("row " + row + ", " + pointer + ": the value " + unstorable);
                }
            }
            case OBJECT -> value.asJsonObject().forEach((name, member) -> {
                String unstorable = Texts.unstorable(name);
                if (unstorable != null || name.length() > ImportLimits.MAX_COLUMN_NAME) {
                    throw ProblemException.badRequest("row " + row + ", " + pointer + ": a member name "
                            + (unstorable != null ? unstorable : "has at most " + ImportLimits.MAX_COLUMN_NAME + " characters"));
                }
                check(member, row, pointer + "/" + name.replace("~", "~0").replace("/", "~1"), depth + 1);
            });
            case ARRAY -> {
                JsonArray array = value.asJsonArray();
                for (int i = 0; i < array.size(); i++) {
                    check(array.get(i), row, pointer + "/" + i, depth + 1);
                }
            }
            default -> {
                // numbers, booleans and null need no check
            }
        }
    }
}
