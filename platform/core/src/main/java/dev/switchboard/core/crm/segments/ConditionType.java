package dev.switchboard.core.crm.segments;

import jakarta.json.JsonObject;

/**
 * A kind of condition of the filter language, named by its {@code type} member: {@code "tag"},
 * {@code "customField"}, {@code "opportunity"}, … Implementations are {@code @ApplicationScoped} CDI
 * beans; a module adds conditions on its own data (workflow runs, messages, emails) by adding one, and
 * the {@link FilterCompiler} finds it by its type. Nothing lists the types in one place.
 *
 * <p>A condition compiles to SQL over the contact row {@code c} from constant text, with every value
 * of the filter a bind parameter; what it cannot use it reports through
 * {@link Condition#invalid(String, String)}, naming the member.
 */
public interface ConditionType {

    /** The condition's {@code type} member. */
    String type();

    /** What it tests, in a sentence: the catalog and the segment builder show it. */
    String description();

    /**
     * The JSON Schema of the condition (an object with {@code type} and the members it reads): the
     * filter language's schema is assembled from these, and the segment builder makes its forms from it.
     */
    JsonObject schema();

    /** The SQL of one condition, or {@code null} when it reported what is wrong with it. */
    SqlCondition compile(Condition condition);
}
