package dev.switchboard.core.plugins.imports;

import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * An importer's row (field names to values: the contact's standard fields and
 * {@code customFields.<key>}) as the contacts API's request body, so an imported contact is checked and
 * written exactly as one created through the API.
 */
final class ImportRows {

    static final String CUSTOM = "customFields.";
    /** Most fields one row may have. */
    static final int MAX_FIELDS = 200;

    private ImportRows() {
    }

    /** The request body of {@code row}; refuses a row it cannot express, naming the field. */
    static JsonObject body(Map<String, ?> row) {
        if (row == null) {
            throw ProblemException.invalid(FieldError.general("the row is empty"));
        }
        if (row.size() > MAX_FIELDS) {
            throw ProblemException.invalid(FieldError.general("the row has " + row.size() + " fields; at most "
                    + MAX_FIELDS + " are accepted"));
        }
        JsonObjectBuilder body = Json.createObjectBuilder();
        JsonObjectBuilder custom = Json.createObjectBuilder();
        boolean anyCustom = false;
        for (Map.Entry<String, ?> field : row.entrySet()) {
            String name = field.getKey();
            Object value = field.getValue();
            if (name == null || value == null) {
                continue;
            }
            if (name.startsWith(CUSTOM)) {
                String key = name.substring(CUSTOM.length());
                if (key.isEmpty()) {
                    throw ProblemException.invalid(FieldError.field(name, "a custom field's key follows 'customFields.'"));
                }
                add(custom, key, value, name);
                anyCustom = true;
            } else if (name.equals("customFields")) {
                throw ProblemException.invalid(FieldError.field(name, "custom fields are named one by one: customFields.<key>"));
            } else {
                add(body, name, value, name);
            }
        }
        if (anyCustom) {
            body.add("customFields", custom);
        }
        return body.build();
    }

    private static void add(JsonObjectBuilder json, String name, Object value, String field) {
        if (value instanceof String text) {
            json.add(name, text);
        } else if (value instanceof Boolean flag) {
            json.add(name, flag);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            json.add(name, ((Number) value).longValue());
        } else if (value instanceof Number number) {
            json.add(name, new BigDecimal(number.toString()));
        } else if (value instanceof Collection<?> items) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            for (Object item : items) {
                if (item != null) {
                    array.add(item.toString());
                }
            }
            json.add(name, array);
        } else if (value instanceof CharSequence || value instanceof Enum<?>) {
            json.add(name, value.toString());
        } else {
            throw ProblemException.invalid(FieldError.field(field, "a value is text, a number, a boolean or a list of text, not "
                    + value.getClass().getSimpleName()));
        }
    }

    /** Why a row was refused, in a line: each field and what is wrong with it. */
    static String reason(ProblemException refused) {
        List<FieldError> errors = refused.problem().errors();
        if (errors.isEmpty()) {
            return refused.problem().detail() == null ? refused.problem().title() : refused.problem().detail();
        }
        return String.join("; ", errors.stream().map(ImportRows::describe).toList());
    }

    /** A field error with the row's field name instead of the request's pointer ({@code /customFields/tier} → {@code customFields.tier}). */
    private static String describe(FieldError error) {
        if (error.pointer() == null || error.pointer().isEmpty()) {
            return error.detail();
        }
        String field = error.pointer().substring(1).replace('/', '.');
        return field + ": " + error.detail();
    }
}
