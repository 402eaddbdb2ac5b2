package dev.switchboard.core.crm.segments;

import dev.switchboard.core.crm.Emails;
import dev.switchboard.core.crm.PhoneNumbers;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * {@code {"type": "field", "field": "email", "operator": "contains", "value": "@example.com"}}: a
 * standard field of the contact.
 */
@ApplicationScoped
public class ContactFieldCondition implements ConditionType {

    /** The kinds of value of the standard fields, each with its operators. */
    enum Kind {
        TEXT(Comparisons.TEXT), EMAIL(Comparisons.TEXT), PHONE(Comparisons.TEXT), DATE(Comparisons.DATE),
        MOMENT(Comparisons.TIMESTAMP), USER(List.of("equals", "notEquals", "in", "notIn", "isEmpty", "isNotEmpty"));

        final List<String> operators;

        Kind(List<String> operators) {
            this.operators = operators;
        }
    }

    /** A standard field: its API name, its column on the contact row, its kind. */
    enum Field {
        FIRST_NAME("firstName", "First name", "c.first_name", Kind.TEXT),
        LAST_NAME("lastName", "Last name", "c.last_name", Kind.TEXT),
        NAME("name", "Full name", "c.name", Kind.TEXT),
        EMAIL("email", "Email", "c.email", Kind.EMAIL),
        PHONE("phone", "Phone", "c.phone", Kind.PHONE),
        COMPANY_NAME("companyName", "Company name", "c.company_name", Kind.TEXT),
        ADDRESS("address1", "Street address", "c.address1", Kind.TEXT),
        CITY("city", "City", "c.city", Kind.TEXT),
        STATE("state", "State", "c.state", Kind.TEXT),
        POSTAL_CODE("postalCode", "Postal code", "c.postal_code", Kind.TEXT),
        COUNTRY("country", "Country", "c.country", Kind.TEXT),
        SOURCE("source", "Source", "c.source", Kind.TEXT),
        WEBSITE("website", "Website", "c.website", Kind.TEXT),
        TIMEZONE("timezone", "Time zone", "c.timezone", Kind.TEXT),
        DATE_OF_BIRTH("dateOfBirth", "Date of birth", "c.date_of_birth", Kind.DATE),
        CREATED_AT("createdAt", "Created", "c.created_at", Kind.MOMENT),
        UPDATED_AT("updatedAt", "Updated", "c.updated_at", Kind.MOMENT),
        ASSIGNED_TO("assignedTo", "Assigned user", "c.assigned_to", Kind.USER);

        final String apiName;
        final String label;
        final String column;
        final Kind kind;

        Field(String apiName, String label, String column, Kind kind) {
            this.apiName = apiName;
            this.label = label;
            this.column = column;
            this.kind = kind;
        }

        static List<String> apiNames() {
            return Arrays.stream(values()).map(f -> f.apiName).toList();
        }
    }

    private static final List<String> MEMBERS = List.of("field", "operator", "value");

    @Override
    public String type() {
        return "field";
    }

    @Override
    public String description() {
        return "A standard field of the contact: names, email, phone, company, address, source, dates, assigned user";
    }

    @Override
    public JsonObject schema() {
        return ConditionSchemas.condition(type(), "Contact field", description(), Json.createObjectBuilder()
                .add("field", ConditionSchemas.enumeration(Field.apiNames()))
                .add("operator", ConditionSchemas.enumeration(Comparisons.ALL))
                .add("value", ConditionSchemas.value())
                .build(), "field", "operator");
    }

    /** The standard fields as the segment builder offers them: name, label, kind and operators. */
    public static List<JsonObject> fields() {
        return Arrays.stream(Field.values()).map(f -> Json.createObjectBuilder().add("field", f.apiName).add("label", f.label)
                .add("kind", f.kind.name().toLowerCase(java.util.Locale.ROOT))
                .add("operators", Json.createArrayBuilder(f.kind.operators)).build()).toList();
    }

    @Override
    public SqlCondition compile(Condition condition) {
        boolean members = condition.onlyMembers("a field condition", MEMBERS);
        String name = condition.oneOf("field", Field.apiNames());
        if (name == null || !members) {
            return null;
        }
        Field field = Arrays.stream(Field.values()).filter(f -> f.apiName.equals(name)).findFirst().orElseThrow();
        Target target = new Target.Column(field.column, field.kind == Kind.TEXT || field.kind == Kind.EMAIL || field.kind == Kind.PHONE);
        return switch (field.kind) {
            case TEXT -> Comparisons.text(condition, target, null);
            case EMAIL -> Comparisons.text(condition, target, normalizer(condition, Emails::normalize));
            case PHONE -> Comparisons.text(condition, target, normalizer(condition,
                    (raw, at, violations) -> PhoneNumbers.normalize(raw, condition.context().country(), at, violations)));
            case DATE -> Comparisons.date(condition, target);
            case MOMENT -> Comparisons.timestamp(condition, target);
            case USER -> user(condition, target);
        };
    }

    /** How a field normalises what it stores. */
    @FunctionalInterface
    interface Normalizer {
        String normalize(String raw, String pointer, Violations violations);
    }

    static UnaryOperator<String> normalizer(Condition condition, Normalizer normalizer) {
        return raw -> {
            Violations found = new Violations();
            String normal = normalizer.normalize(raw, condition.pointer("value"), found);
            found.errors().forEach(error -> condition.invalid("value", error.detail()));
            if (found.isEmpty() && (normal == null || normal.isEmpty())) {
                condition.invalid("value", "an empty value matches nothing: use isEmpty for contacts without one");
            }
            return found.isEmpty() ? normal : null;
        };
    }

    private static SqlCondition user(Condition condition, Target target) {
        String operator = condition.operator(Kind.USER.operators);
        if (operator == null) {
            return null;
        }
        if (operator.equals("isEmpty") || operator.equals("isNotEmpty")) {
            if (condition.has("value")) {
                condition.invalid("value", operator + " takes no value");
                return null;
            }
            return operator.equals("isNotEmpty") ? target.present() : target.present().not();
        }
        List<String> values = operator.equals("notIn") || operator.equals("in") ? condition.texts("value")
                : condition.text("value") == null ? null : List.of(condition.text("value"));
        if (values == null) {
            return null;
        }
        UUID[] ids = new UUID[values.size()];
        for (int i = 0; i < ids.length; i++) {
            try {
                ids[i] = UUID.fromString(values.get(i));
            } catch (IllegalArgumentException e) {
                if (operator.equals("in") || operator.equals("notIn")) {
                    condition.invalid("value", i, "a user's id, was not one");
                } else {
                    condition.invalid("value", "a user's id, was not one");
                }
                return null;
            }
        }
        SqlCondition in = target.test("%1$s = ANY (?)", List.of((Object) ids));
        return operator.equals("equals") || operator.equals("in") ? in : in.not();
    }
}
