package dev.switchboard.core.crm.segments;

import dev.switchboard.core.crm.fields.CustomField;
import dev.switchboard.core.crm.fields.CustomFields;
import dev.switchboard.core.crm.fields.FieldModel;
import dev.switchboard.core.crm.settings.CrmSettings;
import dev.switchboard.core.crm.settings.LocationCrmSettings;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compiles a filter of the filter language (docs/segments.md) into SQL over the contact row {@code c}.
 * A filter is a condition ({@code {"type": …}}, compiled by the {@link ConditionType} of that type) or
 * a group: {@code {"all": [filters]}}, {@code {"any": [filters]}} or {@code {"not": filter}}. Every
 * problem is reported at once, each at the JSON pointer of the part that is wrong.
 */
@ApplicationScoped
public class FilterCompiler {

    /** Deepest nesting of groups. */
    public static final int MAX_DEPTH = 10;
    /** Most conditions and groups in one filter. */
    public static final int MAX_PARTS = 200;
    private static final List<String> GROUPS = List.of("all", "any", "not");

    @Inject
    Instance<ConditionType> discovered;

    @Inject
    CustomFields customFields;

    @Inject
    LocationCrmSettings settings;

    @Inject
    Database db;

    private Map<String, ConditionType> types;
    Clock clock = Clock.systemUTC();

    @PostConstruct
    void collect() {
        Map<String, ConditionType> found = new TreeMap<>();
        for (ConditionType type : discovered) {
            ConditionType before = found.put(type.type(), type);
            if (before != null) {
                throw new IllegalStateException("two condition types are named '" + type.type() + "': "
                        + before.getClass().getName() + " and " + type.getClass().getName());
            }
        }
        types = found;
    }

    /** The condition types, by name. */
    public Map<String, ConditionType> types() {
        return types;
    }

    /**
     * The filter as SQL for the contacts of a location; a filter that does not fit the language is
     * refused with every problem, each at its pointer under {@code pointer} (e.g. {@code /filter}).
     */
    public SqlCondition compile(LocationId locationId, JsonValue filter, String pointer) {
        CrmSettings location = settings.of(locationId);
        Violations violations = new Violations();
        FilterContext context = new FilterContext(locationId, zone(location.timezone()), location.country(), clock.instant(),
                () -> customFields.list(locationId, FieldModel.CONTACT).stream()
                        .collect(Collectors.toMap(CustomField::key, Function.identity())),
                target -> range(locationId, target), violations);
        return compile(context, filter, pointer);
    }

    /** Compiles in a context made by the caller (the unit tests'). */
    SqlCondition compile(FilterContext context, JsonValue filter, String pointer) {
        SqlCondition compiled = new Walk(context).node(filter, pointer, 0);
        if (!context.violations().isEmpty()) {
            throw ProblemException.invalid(context.violations().errors());
        }
        return compiled;
    }

    /** A compiler of these condition types alone (the unit tests'). */
    static FilterCompiler of(List<ConditionType> conditionTypes) {
        FilterCompiler compiler = new FilterCompiler();
        compiler.types = new TreeMap<>();
        conditionTypes.forEach(type -> compiler.types.put(type.type(), type));
        return compiler;
    }

    /** The JSON Schema of the filter language, with the condition types deployed. */
    public JsonObject schema() {
        JsonArrayBuilder conditions = Json.createArrayBuilder();
        types.values().forEach(type -> conditions.add(type.schema()));
        JsonObject ref = Json.createObjectBuilder().add("$ref", "#").build();
        return Json.createObjectBuilder()
                .add("$schema", "https://json-schema.org/draft/2020-12/schema")
                .add("title", "Contact filter")
                .add("description", "A condition, or a group of filters: all (every one), any (at least one), not (the "
                        + "contacts the filter does not match). At most " + MAX_DEPTH + " groups deep and " + MAX_PARTS
                        + " parts in all.")
                .add("oneOf", Json.createArrayBuilder()
                        .add(group("all", Json.createObjectBuilder().add("type", "array").add("items", ref).build()))
                        .add(group("any", Json.createObjectBuilder().add("type", "array").add("items", ref).build()))
                        .add(group("not", ref))
                        .addAll(conditions))
                .build();
    }

    private static JsonObject group(String name, JsonObject member) {
        return Json.createObjectBuilder().add("type", "object")
                .add("properties", Json.createObjectBuilder().add(name, member))
                .add("required", Json.createArrayBuilder().add(name))
                .add("additionalProperties", false).build();
    }

    private LocalDate[] range(LocationId locationId, Target target) {
        SqlCondition query = target.range(locationId);
        return db.queryOne(query.sql(), row -> {
            java.sql.Date least = row.getDate(1);
            java.sql.Date greatest = row.getDate(2);
            return least == null ? null : new LocalDate[] {least.toLocalDate(), greatest.toLocalDate()};
        }, query.params().toArray()).orElse(null);
    }

    private static ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /** One walk over a filter, counting its parts. */
    private final class Walk {

        private final FilterContext context;
        private int parts;

        Walk(FilterContext context) {
            this.context = context;
        }

        SqlCondition node(JsonValue node, String at, int depth) {
            if (++parts > MAX_PARTS) {
                if (parts == MAX_PARTS + 1) {
                    context.violations().at(at, "a filter has at most " + MAX_PARTS + " conditions and groups");
                }
                return null;
            }
            if (!(node instanceof JsonObject object)) {
                context.violations().at(at, "a filter is an object: a condition with a type, or a group {\"all\": [...]}, "
                        + "{\"any\": [...]} or {\"not\": {...}}" + (node == null ? "" : ", was " + Condition.shown(node)));
                return null;
            }
            List<String> groups = object.keySet().stream().filter(GROUPS::contains).toList();
            if (!groups.isEmpty() || !object.containsKey("type")) {
                return group(object, groups, at, depth);
            }
            JsonValue type = object.get("type");
            ConditionType conditionType = type instanceof jakarta.json.JsonString name ? types.get(name.getString()) : null;
            if (conditionType == null) {
                context.violations().at(at + "/type", "type is one of " + String.join(", ", types.keySet())
                        + ", was " + Condition.shown(type));
                return null;
            }
            int before = context.violations().errors().size();
            SqlCondition compiled = conditionType.compile(new Condition(object, at, context));
            if (compiled == null && context.violations().errors().size() == before) {
                context.violations().at(at, "this " + conditionType.type() + " condition cannot be used as it is");
            }
            return compiled;
        }

        private SqlCondition group(JsonObject object, List<String> groups, String at, int depth) {
            if (groups.size() != 1 || object.size() != 1) {
                context.violations().at(at, groups.isEmpty()
                        ? "a condition has a type (one of " + String.join(", ", types.keySet()) + "); a group has all, any or not"
                        : "a group has exactly one member, all, any or not; this has " + String.join(", ", object.keySet()));
                return null;
            }
            if (depth >= MAX_DEPTH) {
                context.violations().at(at, "groups nest at most " + MAX_DEPTH + " deep");
                return null;
            }
            String kind = groups.get(0);
            JsonValue members = object.get(kind);
            String here = at + "/" + kind;
            if (kind.equals("not")) {
                SqlCondition inner = node(members, here, depth + 1);
                return inner == null ? null : inner.not();
            }
            if (!(members instanceof JsonArray array)) {
                context.violations().at(here, kind + " is a list of filters" + (members == null ? "" : ", was " + Condition.shown(members)));
                return null;
            }
            List<SqlCondition> compiled = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < array.size(); i++) {
                SqlCondition part = node(array.get(i), here + "/" + i, depth + 1);
                ok &= part != null;
                compiled.add(part);
            }
            if (!ok) {
                return null;
            }
            return kind.equals("all") ? SqlCondition.and(compiled) : SqlCondition.or(compiled);
        }
    }
}
