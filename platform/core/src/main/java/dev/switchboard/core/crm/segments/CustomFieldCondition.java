package dev.switchboard.core.crm.segments;

import dev.switchboard.core.crm.Emails;
import dev.switchboard.core.crm.PhoneNumbers;
import dev.switchboard.core.crm.fields.CustomField;
import dev.switchboard.core.crm.fields.FieldType;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * {@code {"type": "customField", "field": "seats", "operator": "between", "value": [10, 50]}}: a
 * contact custom field, by key, compared by its type. Options, numbers, dates and checkboxes are
 * answered from the typed copy of the values ({@code custom_field_value}, indexed); texts are compared
 * on the contact's own record, which holds them whole.
 */
@ApplicationScoped
public class CustomFieldCondition implements ConditionType {

    private static final List<String> MEMBERS = List.of("field", "operator", "value");

    @Override
    public String type() {
        return "customField";
    }

    @Override
    public String description() {
        return "A custom field of the contact, by key, compared as its type says";
    }

    @Override
    public JsonObject schema() {
        return ConditionSchemas.condition(type(), "Custom field", description(), Json.createObjectBuilder()
                .add("field", Json.createObjectBuilder().add("type", "string").add("description", "The field's key"))
                .add("operator", ConditionSchemas.enumeration(Comparisons.ALL))
                .add("value", ConditionSchemas.value())
                .build(), "field", "operator");
    }

    /** The operators of each type of custom field. */
    public static List<String> operators(FieldType type) {
        return switch (type) {
            case TEXT, LARGE_TEXT, URL, EMAIL, PHONE -> Comparisons.TEXT;
            case SINGLE_OPTION, MULTIPLE_OPTIONS -> Comparisons.OPTION;
            case NUMBER, MONEY -> Comparisons.NUMBER;
            case DATE -> Comparisons.DATE;
            case CHECKBOX -> Comparisons.BOOLEAN;
        };
    }

    @Override
    public SqlCondition compile(Condition condition) {
        boolean members = condition.onlyMembers("a customField condition", MEMBERS);
        String key = condition.text("field");
        if (key == null || !members) {
            return null;
        }
        CustomField field = condition.context().customField(key).orElse(null);
        if (field == null) {
            condition.invalid("field", "no contact custom field has the key " + Texts.quote(key) + " in this location");
            return null;
        }
        FieldType type = FieldType.fromApi(field.type()).orElseThrow();
        FilterContext context = condition.context();
        return switch (type) {
            case TEXT, LARGE_TEXT, URL -> Comparisons.text(condition, record(field), null);
            case EMAIL -> Comparisons.text(condition, record(field), ContactFieldCondition.normalizer(condition, Emails::normalize));
            case PHONE -> Comparisons.text(condition, record(field), ContactFieldCondition.normalizer(condition,
                    (raw, at, violations) -> PhoneNumbers.normalize(raw, context.country(), at, violations)));
            case SINGLE_OPTION, MULTIPLE_OPTIONS -> Comparisons.option(condition, typed(context, field, "text_value"), field.options());
            case NUMBER, MONEY -> Comparisons.number(condition, typed(context, field, "number_value"), true);
            case DATE -> Comparisons.date(condition, typed(context, field, "date_value"));
            case CHECKBOX -> Comparisons.bool(condition, typed(context, field, "bool_value"));
        };
    }

    /** The value as the contact's record holds it (the typed copy keeps only the start of long texts). */
    private static Target record(CustomField field) {
        return new Target.Column("(c.custom_fields ->> ?)", true, List.of(field.id().toString()));
    }

    private static Target typed(FilterContext context, CustomField field, String column) {
        return new Target.TypedValue(context.locationId(), field.id(), column);
    }
}
