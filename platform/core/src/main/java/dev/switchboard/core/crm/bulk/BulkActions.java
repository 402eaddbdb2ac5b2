package dev.switchboard.core.crm.bulk;

import dev.switchboard.core.crm.segments.Segments;
import dev.switchboard.core.crm.segments.SqlCondition;
import dev.switchboard.core.jobs.Job;
import dev.switchboard.core.jobs.Jobs;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.FieldError;
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
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Starts bulk actions: checks the request ({@code action}, {@code options}, and the contacts: a
 * {@code segment}, a {@code filter} or a list of {@code contacts}), then queues a job that does the
 * action to each contact in rounds (see {@link BulkActionJob}).
 */
@ApplicationScoped
public class BulkActions {

    /** Most contacts one request lists by id. */
    public static final int MAX_CONTACTS = 10_000;
    private static final List<String> MEMBERS = List.of("action", "options", "segment", "filter", "contacts");

    @Inject
    Instance<BulkAction> discovered;

    @Inject
    Segments segments;

    @Inject
    Jobs jobs;

    private Map<String, BulkAction> actions;

    @PostConstruct
    void collect() {
        Map<String, BulkAction> found = new TreeMap<>();
        for (BulkAction action : discovered) {
            if (found.put(action.name(), action) != null) {
                throw new IllegalStateException("two bulk actions are named '" + action.name() + "'");
            }
        }
        actions = found;
    }

    /** The actions deployed, by name. */
    public Map<String, BulkAction> actions() {
        return actions;
    }

    BulkAction action(String name) {
        BulkAction action = actions.get(name);
        if (action == null) {
            throw new IllegalStateException("no bulk action '" + name + "' is deployed");
        }
        return action;
    }

    /** Queues the action for the contacts the request names; the job counts them first. */
    @Transactional
    public Job start(LocationId locationId, JsonObject body, UUID userId) {
        Violations violations = new Violations();
        body.keySet().stream().filter(member -> !MEMBERS.contains(member)).forEach(member -> violations.field(member,
                "not a member of a bulk action; it has action, options and one of segment, filter or contacts"));
        JsonValue name = body.get("action");
        BulkAction action = name instanceof JsonString text ? actions.get(text.getString()) : null;
        if (action == null) {
            violations.field("action", "action is one of " + String.join(", ", actions.keySet()));
        }
        JsonValue given = body.getOrDefault("options", JsonValue.EMPTY_JSON_OBJECT);
        JsonObject options = null;
        if (!(given instanceof JsonObject object)) {
            violations.field("options", "options is an object");
        } else if (action != null) {
            options = action.prepare(locationId, object, violations);
        }
        List<String> targets = MEMBERS.subList(2, 5).stream().filter(body::containsKey).toList();
        if (targets.size() != 1) {
            violations.add(FieldError.general("a bulk action names its contacts by exactly one of segment, filter or contacts"));
        }
        violations.throwIfAny();
        JsonObjectBuilder parameters = Json.createObjectBuilder().add("action", action.name()).add("options", options)
                .add("before", OffsetDateTime.now(ZoneOffset.UTC).toString());
        JsonValue target = target(locationId, body, targets.get(0), parameters);
        parameters.add(targets.get(0).equals("contacts") ? "contacts" : "filter", target);
        JsonObject built = parameters.build();
        SqlCondition where = contactsOf(locationId, built, "/" + targets.get(0));
        return jobs.submit(locationId, BulkActionJob.KIND, Json.createObjectBuilder(built)
                .add("total", segments.count(locationId, where)).build(), userId);
    }

    /** The filter of the contacts a request names (a list of contacts becomes a filter of their ids). */
    private JsonValue target(LocationId locationId, JsonObject body, String member, JsonObjectBuilder parameters) {
        JsonValue value = body.get(member);
        switch (member) {
            case "segment" -> {
                UUID id = value instanceof JsonString text ? uuid(text.getString()) : null;
                if (id == null) {
                    throw ProblemException.invalid(FieldError.field("segment", "segment is a segment's id"));
                }
                parameters.add("segment", id.toString());
                return segments.find(locationId, id).orElseThrow(() -> ProblemException.invalid(
                        FieldError.field("segment", "no segment " + id + " in this location"))).filter();
            }
            case "filter" -> {
                if (value == null || value.toString().length() > Segments.MAX_FILTER) {
                    throw ProblemException.invalid(FieldError.field("filter", "filter is at most " + Segments.MAX_FILTER + " characters of JSON"));
                }
                return value;
            }
            default -> {
                if (!(value instanceof JsonArray list) || list.isEmpty() || list.size() > MAX_CONTACTS) {
                    throw ProblemException.invalid(FieldError.field("contacts", "contacts is a list of 1 to " + MAX_CONTACTS + " contact ids"));
                }
                JsonArrayBuilder ids = Json.createArrayBuilder();
                Violations violations = new Violations();
                for (int i = 0; i < list.size(); i++) {
                    UUID id = list.get(i) instanceof JsonString text ? uuid(text.getString()) : null;
                    if (id == null) {
                        violations.at("/contacts/" + i, "a contact's id");
                    } else {
                        ids.add(id.toString());
                    }
                }
                violations.throwIfAny();
                return ids.build();
            }
        }
    }

    /** The SQL of a job's contacts: its filter, or its list of ids; problems of a filter are reported at {@code pointer}. */
    SqlCondition contactsOf(LocationId locationId, JsonObject parameters, String pointer) {
        if (parameters.containsKey("contacts")) {
            List<UUID> ids = new ArrayList<>();
            parameters.getJsonArray("contacts").forEach(id -> ids.add(UUID.fromString(((JsonString) id).getString())));
            return SqlCondition.of("c.id = ANY (?)", (Object) ids.toArray(UUID[]::new));
        }
        return segments.compile(locationId, parameters.get("filter"), pointer);
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
