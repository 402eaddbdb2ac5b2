package dev.switchboard.core.crm.fields;

import dev.switchboard.core.crm.Emails;
import dev.switchboard.core.crm.PhoneNumbers;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Custom field values on their way in and out. In the API a record's {@code customFields} is an
 * object keyed by field key ({@code {"budget": 5000, "plan": "gold"}}); stored, it is keyed by field
 * id. Every value is checked against its field's type and normalised (phones to E.164, emails lower
 * case, money to two decimals) on every write.
 */
@ApplicationScoped
public class CustomFieldValues {

    /** Longest text value; large text is longer. */
    public static final int MAX_TEXT = 1_000;
    public static final int MAX_LARGE_TEXT = 50_000;
    public static final int MAX_URL = 2_000;
    /** Numbers and money are below 10^15 in magnitude. */
    private static final BigDecimal MAX_NUMBER = new BigDecimal("1e15");

    /** One field whose value changed. */
    public record Change(CustomField field, JsonValue before, JsonValue after) {
    }

    /** The values to store and what changed. */
    public record Applied(JsonObject stored, List<Change> changes) {
    }

    @Inject
    CustomFields fields;

    /**
     * Applies the values of a request (keyed by field key; JSON null clears a value) to the stored ones.
     *
     * @param given the request's {@code customFields} object, or null when it has none
     * @param creating whether the record is new: then every required field needs a value
     * @param pointer where the request's object is ("/customFields")
     */
    public Applied apply(LocationId locationId, FieldModel model, JsonObject stored, JsonObject given, boolean creating,
                         String country, String pointer, Violations violations) {
        List<CustomFieldEntity> definitions = fields.definitions(locationId, model);
        Map<String, CustomFieldEntity> byKey = definitions.stream()
                .collect(Collectors.toMap(f -> f.key, Function.identity()));
        JsonObjectBuilder result = Json.createObjectBuilder(stored == null ? JsonValue.EMPTY_JSON_OBJECT : stored);
        JsonObject before = stored == null ? JsonValue.EMPTY_JSON_OBJECT : stored;
        List<Change> changes = new ArrayList<>();
        Set<String> cleared = new LinkedHashSet<>();
        if (given != null) {
            for (Map.Entry<String, JsonValue> entry : given.entrySet()) {
                String at = pointer + "/" + entry.getKey().replace("~", "~0").replace("/", "~1");
                CustomFieldEntity field = byKey.get(entry.getKey());
                if (field == null) {
                    violations.at(at, "unknown custom field " + Texts.quote(entry.getKey()) + " of " + model.apiName() + "s");
                    continue;
                }
                String id = field.id.toString();
                JsonValue value = entry.getValue().getValueType() == JsonValue.ValueType.NULL ? null
                        : normalize(field, entry.getValue(), country, at, violations);
                if (entry.getValue().getValueType() == JsonValue.ValueType.NULL) {
                    result.remove(id);
                    cleared.add(field.key);
                } else if (value != null) {
                    result.add(id, value);
                }
                JsonValue old = before.get(id);
                if (entry.getValue().getValueType() == JsonValue.ValueType.NULL ? old != null
                        : value != null && !Objects.equals(old, value)) {
                    changes.add(new Change(field.view(), old, value));
                }
            }
        }
        JsonObject after = result.build();
        for (CustomFieldEntity field : definitions) {
            if (field.required && !after.containsKey(field.id.toString()) && (creating || cleared.contains(field.key))) {
                violations.at(pointer + "/" + field.key, "required: " + Texts.quote(field.name) + " needs a value");
            }
        }
        return new Applied(after, changes);
    }

    /** The stored values keyed by field key, in the fields' order; values of unknown ids are left out. */
    public JsonObject forApi(LocationId locationId, FieldModel model, JsonObject stored) {
        JsonObjectBuilder byKey = Json.createObjectBuilder();
        if (stored == null || stored.isEmpty()) {
            return byKey.build();
        }
        for (CustomFieldEntity field : fields.definitions(locationId, model)) {
            JsonValue value = stored.get(field.id.toString());
            if (value != null) {
                byKey.add(field.key, value);
            }
        }
        return byKey.build();
    }

    /** The keys of a model's fields by id, for rendering many records with one lookup. */
    public Map<String, String> keysById(LocationId locationId, FieldModel model) {
        return fields.definitions(locationId, model).stream().collect(Collectors.toMap(f -> f.id.toString(), f -> f.key));
    }

    static JsonValue normalize(CustomFieldEntity field, JsonValue value, String country, String at, Violations violations) {
        return normalize(field.key, field.type, field.options, value, country, at, violations);
    }

    /**
     * A value of {@code field} as a write stores it (checked by the field's type, normalised), or null
     * with a violation at {@code at}: the rules of every write, for those that do not go through {@link #apply}
     * (a file import).
     */
    public static JsonValue normalize(CustomField field, JsonValue value, String country, String at, Violations violations) {
        return normalize(field.key(), FieldType.fromApi(field.type()).orElseThrow(), field.options(), value, country, at,
                violations);
    }

    private static JsonValue normalize(String key, FieldType type, List<String> options, JsonValue value, String country,
                                       String at, Violations violations) {
        String name = Texts.quote(key);
        switch (type) {
            case TEXT, LARGE_TEXT -> {
                int max = type == FieldType.TEXT ? MAX_TEXT : MAX_LARGE_TEXT;
                if (!(value instanceof JsonString text)) {
                    violations.at(at, name + " is a " + type.apiName() + " field: the value must be a string");
                    return null;
                }
                return Texts.check(text.getString(), at, max, violations) ? Json.createValue(text.getString()) : null;
            }
            case NUMBER, MONEY -> {
                if (!(value instanceof JsonNumber number)) {
                    violations.at(at, name + " is a " + type.apiName() + " field: the value must be a number");
                    return null;
                }
                BigDecimal decimal = number.bigDecimalValue();
                if (decimal.abs().compareTo(MAX_NUMBER) >= 0) {
                    violations.at(at, name + ": numbers are below 10^15 in magnitude");
                    return null;
                }
                if (type == FieldType.MONEY) {
                    if (decimal.stripTrailingZeros().scale() > 2) {
                        violations.at(at, name + " is a money field: at most two decimal places");
                        return null;
                    }
                    return Json.createValue(decimal.setScale(2));
                }
                return Json.createValue(decimal);
            }
            case DATE -> {
                if (value instanceof JsonString text) {
                    try {
                        return Json.createValue(LocalDate.parse(text.getString().trim()).toString());
                    } catch (DateTimeParseException e) {
                        // reported below
                    }
                }
                violations.at(at, name + " is a date field: the value must be a date like 2026-11-26");
                return null;
            }
            case CHECKBOX -> {
                if (value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE) {
                    return value;
                }
                violations.at(at, name + " is a checkbox field: the value must be true or false");
                return null;
            }
            case SINGLE_OPTION -> {
                if (value instanceof JsonString text && options.contains(text.getString())) {
                    return value;
                }
                violations.at(at, name + ": " + shown(value) + " is not one of its options " + options);
                return null;
            }
            case MULTIPLE_OPTIONS -> {
                if (value.getValueType() != JsonValue.ValueType.ARRAY) {
                    violations.at(at, name + " is a multipleOptions field: the value must be an array of its options");
                    return null;
                }
                LinkedHashSet<String> chosen = new LinkedHashSet<>();
                List<JsonValue> elements = value.asJsonArray();
                for (int i = 0; i < elements.size(); i++) {
                    JsonValue element = elements.get(i);
                    if (element instanceof JsonString text && options.contains(text.getString())) {
                        chosen.add(text.getString());
                    } else {
                        violations.at(at + "/" + i, name + ": " + shown(element) + " is not one of its options " + options);
                    }
                }
                JsonArrayBuilder array = Json.createArrayBuilder();
                chosen.forEach(array::add);
                return array.build();
            }
            case PHONE -> {
                if (value instanceof JsonString text) {
                    String phone = PhoneNumbers.normalize(text.getString(), country, at, violations);
                    return phone == null ? null : Json.createValue(phone);
                }
                violations.at(at, name + " is a phone field: the value must be a string");
                return null;
            }
            case EMAIL -> {
                if (value instanceof JsonString text) {
                    String email = Emails.normalize(text.getString(), at, violations);
                    return email == null ? null : Json.createValue(email);
                }
                violations.at(at, name + " is an email field: the value must be a string");
                return null;
            }
            case URL -> {
                if (value instanceof JsonString text && text.getString().length() <= MAX_URL && isWebAddress(text.getString())) {
                    return Json.createValue(text.getString().trim());
                }
                violations.at(at, name + " is a url field: the value must be an http or https address of at most "
                        + MAX_URL + " characters");
                return null;
            }
            default -> throw new IllegalStateException("type " + type);
        }
    }

    public static boolean isWebAddress(String text) {
        try {
            URI uri = new URI(text.trim());
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String shown(JsonValue value) {
        return value instanceof JsonString text ? Texts.quote(text.getString()) : Texts.quote(value.toString());
    }
}
