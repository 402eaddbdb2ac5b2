package dev.switchboard.core.crm.segments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A compiled condition: a boolean SQL expression over the contact row {@code c}, written only from
 * the platform's own constant text, and the values it compares with as bind parameters. No text of a
 * filter ever becomes SQL; the {@code FilterCompilerTest} fuzz test holds every compiled statement to that.
 *
 * <p>A condition on a column of the contact is {@code NULL} for a contact without a value, which
 * {@code AND}, {@code OR} and {@code WHERE} treat as false; {@link #not()} turns it into false before it
 * negates, so that the negation of a condition is exactly the other contacts, those without a value
 * included. A condition is written as its index needs it: a {@code coalesce} around every test would
 * keep PostgreSQL from using an index for it (bench/segments.sh: 3.2 s instead of 0.2 s for birthdays
 * over a million contacts).
 *
 * <p>A condition answered from an index of ids (a tag, a typed custom field value, an opportunity)
 * also keeps its {@link #ids() subquery of ids}. {@link #and} joins the id subqueries of its parts
 * before it reads a contact, and {@link #or} unites them: the contacts are then read once, for the
 * ids that remain, instead of once for every candidate of the first condition.
 * (bench/segments.sh measures both: 110 ms against 540 ms and more for three such conditions over a
 * million contacts.)
 */
public record SqlCondition(String sql, List<Object> params, String ids) {

    /** Every contact. */
    public static final SqlCondition TRUE = new SqlCondition("TRUE", List.of(), null);
    /** No contact. */
    public static final SqlCondition FALSE = new SqlCondition("FALSE", List.of(), null);

    public SqlCondition {
        params = Collections.unmodifiableList(new ArrayList<>(params));
    }

    public SqlCondition(String sql, List<Object> params) {
        this(sql, params, null);
    }

    public static SqlCondition of(String sql, Object... params) {
        return new SqlCondition(sql, List.of(params));
    }

    /**
     * The contacts whose id a subquery returns, as a column named {@code id}:
     * {@code SELECT t.contact_id AS id FROM contact_tag_index t WHERE …}.
     */
    public static SqlCondition idIn(String subquery, List<Object> params) {
        return new SqlCondition("c.id IN (" + subquery + ")", params, subquery);
    }

    /** The contacts meeting none of this: {@code NOT (…)}. */
    public SqlCondition not() {
        if (this == TRUE) {
            return FALSE;
        }
        if (this == FALSE) {
            return TRUE;
        }
        // a subquery of ids is never null: its negation needs no coalesce. It is written NOT EXISTS, which
        // PostgreSQL plans as an anti join (with parallel workers on a large location), where NOT IN would
        // be a filter probing a hashed subplan per contact on one core (bench/segments.sh: 1.2–1.5 s
        // against 0.5–0.7 s for a tag's negation over a million contacts)
        return new SqlCondition(ids != null
                ? "NOT EXISTS (SELECT 1 FROM (" + ids + ") excluded WHERE excluded.id = c.id)"
                : "NOT coalesce((" + sql + "), false)", params);
    }

    /** Every condition holds: the id subqueries among them joined into one, the rest as they are. */
    public static SqlCondition and(List<SqlCondition> conditions) {
        List<SqlCondition> indexed = conditions.stream().filter(c -> c.ids != null).toList();
        if (indexed.size() < 2) {
            return join(conditions, " AND ", TRUE);
        }
        StringBuilder joined = new StringBuilder("SELECT s0.id FROM (").append(indexed.get(0).ids).append(") s0");
        List<Object> params = new ArrayList<>(indexed.get(0).params);
        for (int i = 1; i < indexed.size(); i++) {
            joined.append(" JOIN (").append(indexed.get(i).ids).append(") s").append(i).append(" ON s").append(i).append(".id = s0.id");
            params.addAll(indexed.get(i).params);
        }
        List<SqlCondition> rest = new ArrayList<>();
        rest.add(idIn(joined.toString(), params));
        conditions.stream().filter(c -> c.ids == null).forEach(rest::add);
        return join(rest, " AND ", TRUE);
    }

    /** At least one condition holds: when all are id subqueries, their union. */
    public static SqlCondition or(List<SqlCondition> conditions) {
        if (conditions.size() > 1 && conditions.stream().allMatch(c -> c.ids != null)) {
            List<Object> params = new ArrayList<>();
            conditions.forEach(c -> params.addAll(c.params));
            return idIn(conditions.stream().map(SqlCondition::ids).collect(Collectors.joining(" UNION ")), params);
        }
        return join(conditions, " OR ", FALSE);
    }

    private static SqlCondition join(List<SqlCondition> conditions, String operator, SqlCondition empty) {
        if (conditions.isEmpty()) {
            return empty;
        }
        if (conditions.size() == 1) {
            return conditions.get(0);
        }
        List<Object> params = new ArrayList<>();
        conditions.forEach(condition -> params.addAll(condition.params()));
        return new SqlCondition(conditions.stream().map(c -> "(" + c.sql() + ")").collect(Collectors.joining(operator)), params);
    }
}
