package dev.switchboard.core.problems;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the members of a JSON request body with their types checked: each accessor returns the value,
 * or null when it is absent or JSON {@code null}, and a member of the wrong type becomes a violation
 * naming its JSON Pointer. {@link #finish} refuses members nobody asked for (a misspelt field is an
 * error, not silently ignored).
 */
public final class JsonInput {

    private final JsonObject object;
    private final String pointer;
    private final Violations violations;
    private final Set<String> read = new HashSet<>();

    public JsonInput(JsonObject object, String pointer, Violations violations) {
        this.object = object == null ? JsonValue.EMPTY_JSON_OBJECT : object;
        this.pointer = pointer;
        this.violations = violations;
    }

    public static JsonInput of(JsonObject body, Violations violations) {
        return new JsonInput(body, "", violations);
    }

    public Violations violations() {
        return violations;
    }

    public String pointer(String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    public boolean has(String name) {
        read.add(name);
        return object.containsKey(name);
    }

    /** The member's raw value, or null when absent or null. */
    public JsonValue value(String name) {
        read.add(name);
        JsonValue value = object.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }

    public String string(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        violations.at(pointer(name), name + " must be a string");
        return null;
    }

    public Boolean bool(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return null;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE || value.getValueType() == JsonValue.ValueType.TRUE
                || value.getValueType() == JsonValue.ValueType.FALSE) {
            return value.getValueType() == JsonValue.ValueType.TRUE;
        }
        violations.at(pointer(name), name + " must be true or false");
        return null;
    }

    public BigDecimal decimal(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNumber number) {
            return number.bigDecimalValue();
        }
        violations.at(pointer(name), name + " must be a number");
        return null;
    }

    public Integer integer(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()
                && number.bigDecimalValue().abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
            return number.intValue();
        }
        violations.at(pointer(name), name + " must be a whole number");
        return null;
    }

    public UUID uuid(String name) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            violations.at(pointer(name), name + " must be an id, was " + Texts.quote(text));
            return null;
        }
    }

    /** An ISO date, {@code 1990-04-23}. */
    public LocalDate date(String name) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            violations.at(pointer(name), name + " must be a date like 1990-04-23, was " + Texts.quote(text));
            return null;
        }
    }

    /** An ISO timestamp with offset, {@code 2026-11-26T09:00:00Z}. */
    public OffsetDateTime timestamp(String name) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            violations.at(pointer(name), name + " must be a timestamp like 2026-11-26T09:00:00Z, was " + Texts.quote(text));
            return null;
        }
    }

    /** An array of strings of at most {@code max} elements; null when absent. */
    public List<String> strings(String name, int max) {
        JsonValue value = value(name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            violations.at(pointer(name), name + " must be an array of strings");
            return null;
        }
        List<JsonValue> elements = value.asJsonArray();
        if (elements.size() > max) {
            violations.at(pointer(name), "at most " + max + " " + name + ", got " + elements.size());
            return null;
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof JsonString text) {
                strings.add(text.getString());
            } else {
                violations.at(pointer(name) + "/" + i, "must be a string");
            }
        }
        return strings;
    }

    /** A nested object, read with the same rules; null when absent. */
    public JsonInput object(String name) {
        JsonValue value = value(name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            violations.at(pointer(name), name + " must be an object");
            return null;
        }
        return new JsonInput(value.asJsonObject(), pointer(name), violations);
    }

    /** Refuses every member that was not read. */
    public void finish() {
        for (String name : object.keySet()) {
            if (!read.contains(name)) {
                violations.at(pointer(name), "unknown field " + Texts.quote(name));
            }
        }
    }
}
