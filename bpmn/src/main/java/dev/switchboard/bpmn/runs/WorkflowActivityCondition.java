package dev.switchboard.bpmn.runs;

import dev.switchboard.core.crm.segments.Condition;
import dev.switchboard.core.crm.segments.ConditionSchemas;
import dev.switchboard.core.crm.segments.ConditionType;
import dev.switchboard.core.crm.segments.Span;
import dev.switchboard.core.crm.segments.SqlCondition;
import dev.switchboard.core.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code {"type": "workflow", "workflow": "welcome", "operator": "completed", "within": {"amount": 30,
 * "unit": "days"}}}: the contact entered (or completed, or did not enter, or did not complete) a
 * workflow, ever or within the last span of the location's calendar. The workflow engine contributes
 * this condition to the filter language; the runs it reads are its own.
 */
@ApplicationScoped
public class WorkflowActivityCondition implements ConditionType {

    static final List<String> OPERATORS = List.of("entered", "completed", "notEntered", "notCompleted");
    private static final List<String> MEMBERS = List.of("workflow", "operator", "within");
    /** Longest workflow key. */
    public static final int MAX_KEY = 255;

    @Override
    public String type() {
        return "workflow";
    }

    @Override
    public String description() {
        return "Workflow activity: the contact entered or completed a workflow (or did not), ever or within a span";
    }

    @Override
    public JsonObject schema() {
        return ConditionSchemas.condition(type(), "Workflow activity", description(), Json.createObjectBuilder()
                .add("workflow", Json.createObjectBuilder().add("type", "string").add("maxLength", MAX_KEY)
                        .add("description", "The workflow's key"))
                .add("operator", ConditionSchemas.enumeration(OPERATORS))
                .add("within", ConditionSchemas.span())
                .build(), "workflow", "operator");
    }

    @Override
    public SqlCondition compile(Condition condition) {
        boolean ok = condition.onlyMembers("a workflow condition", MEMBERS);
        String workflow = condition.text("workflow");
        if (workflow != null && (workflow.isBlank() || workflow.length() > MAX_KEY)) {
            condition.invalid("workflow", "workflow is a workflow's key of 1 to " + MAX_KEY + " characters");
            ok = false;
        }
        String operator = condition.operator(OPERATORS);
        Span within = condition.has("within") ? condition.span("within") : null;
        if (!ok || workflow == null || operator == null || condition.has("within") && within == null) {
            return null;
        }
        boolean completed = operator.equals("completed") || operator.equals("notCompleted");
        List<Object> params = new ArrayList<>(List.of(condition.context().locationId(), workflow));
        StringBuilder runs = new StringBuilder("SELECT r.contact_id::uuid AS id FROM workflow_run r WHERE r.location_id = ? "
                + "AND r.workflow_key = ? AND r.contact_id ~ '^[0-9a-fA-F-]{36}$'");
        if (completed) {
            runs.append(" AND r.state = 'COMPLETED'");
        }
        if (within != null) {
            runs.append(completed ? " AND r.ended_at >= ?" : " AND r.started_at >= ?");
            params.add(OffsetDateTime.ofInstant(condition.context().startOf(within.before(condition.context().today())), ZoneOffset.UTC));
        }
        SqlCondition had = SqlCondition.idIn(runs.toString(), params);
        return operator.startsWith("not") ? had.not() : had;
    }
}
