package dev.switchboard.core.crm.segments;

import dev.switchboard.core.tenancy.LocationId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Where the value a condition tests lives, and how a test of it becomes a condition on the contact:
 * a column (or an expression) of the contact row, or the typed copy of a custom field's values in
 * {@code custom_field_value}, whose btree indexes row-level security lets PostgreSQL use (V6).
 *
 * <p>A test is constant SQL text with {@code %1$s} where the value goes, and its bind parameters. The
 * condition it makes is true when the contact has a value passing the test; on a column it is null
 * when the contact has no value, which every group but {@code not} treats as false (see
 * {@link SqlCondition#not()}). The test stays as written, so that an index of the column answers it.
 */
sealed interface Target {

    /** The contacts with a value passing {@code test}. */
    SqlCondition test(String test, List<Object> params);

    /** The contacts with a value (a text of at least one character). */
    SqlCondition present();

    /** A query of the least and greatest value (for dates: the years an anniversary spans). */
    SqlCondition range(LocationId locationId);

    /** A column or expression of the contact row {@code c}; {@code params} are the expression's own. */
    record Column(String expression, boolean text, List<Object> params) implements Target {

        Column(String expression, boolean text) {
            this(expression, text, List.of());
        }

        @Override
        public SqlCondition test(String test, List<Object> testParams) {
            List<Object> all = new ArrayList<>();
            for (int i = 0; i < occurrences(test); i++) {
                all.addAll(params);
            }
            all.addAll(testParams);
            return new SqlCondition(test.formatted(expression), all);
        }

        @Override
        public SqlCondition present() {
            return text ? new SqlCondition("coalesce(" + expression + ", '') <> ''", params)
                    : new SqlCondition(expression + " IS NOT NULL", params);
        }

        @Override
        public SqlCondition range(LocationId locationId) {
            List<Object> all = new ArrayList<>(params);
            all.addAll(params);
            all.add(locationId);
            return new SqlCondition("SELECT min(" + expression + "), max(" + expression + ") FROM contact c "
                    + "WHERE c.location_id = ? AND c.deleted_at IS NULL", all);
        }

        /** How often the value is named in a test: its expression's parameters are bound as often. */
        private static int occurrences(String test) {
            return test.split("%1\\$s", -1).length - 1;
        }
    }

    /** The typed copy of one custom field's values: {@code column} is text_value, number_value, date_value or bool_value. */
    record TypedValue(LocationId locationId, UUID fieldId, String column) implements Target {

        @Override
        public SqlCondition test(String test, List<Object> params) {
            List<Object> all = new ArrayList<>(List.of(locationId, fieldId));
            all.addAll(params);
            return SqlCondition.idIn("SELECT v.owner_id AS id FROM custom_field_value v WHERE v.location_id = ? AND v.field_id = ? AND "
                    + test.formatted("v." + column), all);
        }

        @Override
        public SqlCondition present() {
            return test("%1$s IS NOT NULL", List.of());
        }

        @Override
        public SqlCondition range(LocationId ignored) {
            return new SqlCondition("SELECT min(v." + column + "), max(v." + column + ") FROM custom_field_value v "
                    + "WHERE v.location_id = ? AND v.field_id = ?", List.of(locationId, fieldId));
        }
    }
}
