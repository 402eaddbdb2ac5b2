package dev.switchboard.core.crm.segments;

import dev.switchboard.core.db.Database;
import dev.switchboard.core.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code {"type": "opportunity", "pipeline": "…", "stage": "…", "status": "open", "value": {"operator":
 * "greater", "value": 1000}}}: the contact has an opportunity meeting every member given (or, with
 * {@code "has": false}, has none).
 */
@ApplicationScoped
public class OpportunityCondition implements ConditionType {

    static final List<String> STATUSES = List.of("open", "won", "lost", "abandoned");
    private static final List<String> MEMBERS = List.of("pipeline", "stage", "status", "value", "has");
    private static final List<String> VALUE_MEMBERS = List.of("operator", "value");

    @Inject
    Database db;

    @Override
    public String type() {
        return "opportunity";
    }

    @Override
    public String description() {
        return "The contact has (or has no) opportunity in a pipeline, stage and status, of a value";
    }

    @Override
    public JsonObject schema() {
        return ConditionSchemas.condition(type(), "Opportunity", description(), Json.createObjectBuilder()
                .add("pipeline", Json.createObjectBuilder().add("type", "string").add("format", "uuid"))
                .add("stage", Json.createObjectBuilder().add("type", "string").add("format", "uuid"))
                .add("status", ConditionSchemas.enumeration(STATUSES))
                .add("value", Json.createObjectBuilder().add("type", "object")
                        .add("description", "The opportunity's value compared as a number")
                        .add("properties", Json.createObjectBuilder()
                                .add("operator", ConditionSchemas.enumeration(Comparisons.NUMBER))
                                .add("value", ConditionSchemas.value()))
                        .add("required", Json.createArrayBuilder().add("operator")))
                .add("has", Json.createObjectBuilder().add("type", "boolean").add("default", true))
                .build());
    }

    @Override
    public SqlCondition compile(Condition condition) {
        boolean ok = condition.onlyMembers("an opportunity condition", MEMBERS);
        FilterContext context = condition.context();
        List<String> tests = new ArrayList<>(List.of("o.location_id = ?"));
        List<Object> params = new ArrayList<>(List.of(context.locationId()));
        UUID pipeline = condition.has("pipeline") ? id(condition, "pipeline") : null;
        UUID stage = condition.has("stage") ? id(condition, "stage") : null;
        ok &= condition.has("pipeline") == (pipeline != null) && condition.has("stage") == (stage != null);
        if (pipeline != null) {
            if (db.queryOne("SELECT 1 FROM pipeline WHERE location_id = ? AND id = ?", row -> 1, context.locationId(), pipeline).isEmpty()) {
                condition.invalid("pipeline", "no pipeline " + pipeline + " in this location");
                ok = false;
            }
            tests.add("o.pipeline_id = ?");
            params.add(pipeline);
        }
        if (stage != null) {
            List<UUID> of = db.query("SELECT pipeline_id FROM pipeline_stage WHERE location_id = ? AND id = ?",
                    row -> row.getObject(1, UUID.class), context.locationId(), stage);
            if (of.isEmpty()) {
                condition.invalid("stage", "no pipeline stage " + stage + " in this location");
                ok = false;
            } else if (pipeline != null && !of.get(0).equals(pipeline)) {
                condition.invalid("stage", "stage " + stage + " is not a stage of pipeline " + pipeline);
                ok = false;
            }
            tests.add("o.pipeline_stage_id = ?");
            params.add(stage);
        }
        if (condition.has("status")) {
            String status = condition.oneOf("status", STATUSES);
            if (status == null) {
                ok = false;
            } else {
                tests.add("o.status = ?");
                params.add(status.toUpperCase(Locale.ROOT));
            }
        }
        if (condition.has("value")) {
            if (condition.member("value") instanceof JsonObject value) {
                Condition comparison = new Condition(value, condition.pointer("value"), context);
                ok &= comparison.onlyMembers("an opportunity's value", VALUE_MEMBERS);
                SqlCondition test = Comparisons.number(comparison, new Target.Column("o.monetary_value", false), false);
                if (test == null) {
                    ok = false;
                } else {
                    tests.add(test.sql());
                    params.addAll(test.params());
                }
            } else {
                condition.invalid("value", "value must be a comparison like {\"operator\": \"greater\", \"value\": 1000}");
                ok = false;
            }
        }
        Boolean has = condition.has("has") ? condition.bool("has") : Boolean.TRUE;
        if (!ok || has == null) {
            return null;
        }
        SqlCondition having = SqlCondition.idIn("SELECT o.contact_id AS id FROM opportunity o WHERE " + String.join(" AND ", tests), params);
        return has ? having : having.not();
    }

    private static UUID id(Condition condition, String member) {
        String text = condition.text(member);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            condition.invalid(member, member + " must be an id, was not one");
            return null;
        }
    }
}
