package dev.switchboard.core.crm.segments;

import dev.switchboard.core.crm.Tags;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code {"type": "tag", "operator": "hasAny", "value": ["webinar", "ebook"]}}: the contact's tags
 * (hasAny, hasAll, hasNone; isEmpty and isNotEmpty for no tags or some), answered from the tag index
 * (V17).
 */
@ApplicationScoped
public class TagCondition implements ConditionType {

    static final List<String> OPERATORS = List.of("hasAny", "hasAll", "hasNone", "isEmpty", "isNotEmpty");
    private static final List<String> MEMBERS = List.of("operator", "value");

    @Override
    public String type() {
        return "tag";
    }

    @Override
    public String description() {
        return "The contact's tags: has any, all or none of a list, or has none at all";
    }

    @Override
    public JsonObject schema() {
        return ConditionSchemas.condition(type(), "Tags", description(), Json.createObjectBuilder()
                .add("operator", ConditionSchemas.enumeration(OPERATORS))
                .add("value", Json.createObjectBuilder().add("type", "array").add("minItems", 1).add("maxItems", Condition.MAX_LIST)
                        .add("items", Json.createObjectBuilder().add("type", "string")))
                .build(), "operator");
    }

    @Override
    public SqlCondition compile(Condition condition) {
        boolean members = condition.onlyMembers("a tag condition", MEMBERS);
        String operator = condition.operator(OPERATORS);
        if (operator == null || !members) {
            return null;
        }
        if (operator.equals("isEmpty") || operator.equals("isNotEmpty")) {
            if (condition.has("value")) {
                condition.invalid("value", operator + " takes no value");
                return null;
            }
            SqlCondition some = SqlCondition.of("cardinality(c.tags) > 0");
            return operator.equals("isNotEmpty") ? some : some.not();
        }
        List<String> raw = condition.texts("value");
        if (raw == null) {
            return null;
        }
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Violations found = new Violations();
            String tag = Tags.normalize(raw.get(i), condition.pointer("value") + "/" + i, found);
            if (!found.isEmpty()) {
                int index = i;
                found.errors().forEach(error -> condition.invalid("value", index, error.detail()));
                return null;
            }
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        if (operator.equals("hasAll")) {
            return SqlCondition.and(tags.stream().map(tag -> having(condition, tag)).toList());
        }
        SqlCondition any = tags.size() == 1 ? having(condition, tags.get(0))
                : SqlCondition.idIn("SELECT t.contact_id AS id FROM contact_tag_index t WHERE t.location_id = ? AND t.tag = ANY (?)",
                        List.of(condition.context().locationId(), tags.toArray(String[]::new)));
        return operator.equals("hasAny") ? any : any.not();
    }

    private static SqlCondition having(Condition condition, String tag) {
        return SqlCondition.idIn("SELECT t.contact_id AS id FROM contact_tag_index t WHERE t.location_id = ? AND t.tag = ?",
                List.of(condition.context().locationId(), tag));
    }
}
