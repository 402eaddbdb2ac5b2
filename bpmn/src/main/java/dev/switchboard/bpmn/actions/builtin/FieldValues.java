package dev.switchboard.bpmn.actions.builtin;

import dev.switchboard.core.crm.fields.CustomField;
import dev.switchboard.core.crm.fields.FieldType;
import dev.switchboard.core.plugins.actions.ActionFailure;
import dev.switchboard.core.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;

/** A step's text inputs as the JSON values the CRM's requests take. */
final class FieldValues {

    private FieldValues() {
    }

    /** Text as it is, or null (clear) when empty. */
    static JsonValue text(String value) {
        return value == null || value.isEmpty() ? JsonValue.NULL : Json.createValue(value);
    }

    /**
     * Text converted to the custom field's type: a number for number and money fields, true or false
     * for a checkbox, a list (comma-separated) for multiple options, text otherwise; null when empty.
     * The CRM checks the converted value as it checks an API request's.
     */
    static JsonValue typed(CustomField field, String value) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty()) {
            return JsonValue.NULL;
        }
        FieldType type = FieldType.fromApi(field.type()).orElse(FieldType.TEXT);
        return switch (type) {
            case NUMBER, MONEY -> {
                try {
                    yield Json.createValue(new BigDecimal(text));
                } catch (NumberFormatException e) {
                    throw new ActionFailure("'" + field.key() + "' is a number field and '" + text + "' is not a number");
                }
            }
            case CHECKBOX -> switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1" -> JsonValue.TRUE;
                case "false", "no", "0" -> JsonValue.FALSE;
                default -> throw new ActionFailure("'" + field.key() + "' is a checkbox and takes true or false, not '"
                        + text + "'");
            };
            case MULTIPLE_OPTIONS -> {
                JsonArrayBuilder options = Json.createArrayBuilder();
                Arrays.stream(text.split(",")).map(String::trim).filter(option -> !option.isEmpty()).forEach(options::add);
                yield options.build();
            }
            default -> Json.createValue(value);
        };
    }
}
