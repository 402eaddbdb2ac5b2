package dev.switchboard.core.crm.segments;

import dev.switchboard.core.crm.contacts.Contact;
import dev.switchboard.core.crm.contacts.ContactQuery;
import dev.switchboard.core.crm.contacts.ContactSearch;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.DatabaseException;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.paging.Page;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.Problem;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.ProblemType;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A location's segments: saved filters of its contacts, counted live and listed page by page. The
 * filter is stored as given and compiled again on every use, so a segment follows the contacts (and
 * relative dates follow the calendar).
 */
@ApplicationScoped
public class Segments {

    public static final int MAX_NAME = 100;
    public static final int MAX_DESCRIPTION = 1_000;
    /** Longest filter, in characters of JSON. */
    public static final int MAX_FILTER = 65_536;
    /** Most segments of one location. */
    public static final int MAX_SEGMENTS = 1_000;
    private static final Set<String> MEMBERS = Set.of("name", "description", "filter");
    private static final String COLUMNS = "id, name, description, filter::text, last_count, counted_at, created_at, updated_at";

    @Inject
    Database db;

    @Inject
    FilterCompiler compiler;

    @Inject
    ContactSearch search;

    /** Memory a segment query may give each sort or hash, so that sets of a million ids stay in memory. */
    @Inject
    @ConfigProperty(name = "switchboard.segments.work-mem", defaultValue = "64MB")
    String workMem;

    /** Longest a segment query may run. */
    @Inject
    @ConfigProperty(name = "switchboard.segments.statement-timeout-seconds", defaultValue = "30")
    int timeoutSeconds;

    @Transactional
    public List<Segment> list(LocationId locationId) {
        return db.query("SELECT " + COLUMNS + " FROM segment WHERE location_id = ? ORDER BY lower(name), id",
                Segments::segment, locationId);
    }

    @Transactional
    public Segment get(LocationId locationId, UUID id) {
        return find(locationId, id).orElseThrow(() -> ProblemException.notFound("segment " + id));
    }

    @Transactional
    public Optional<Segment> find(LocationId locationId, UUID id) {
        return db.queryOne("SELECT " + COLUMNS + " FROM segment WHERE location_id = ? AND id = ?", Segments::segment, locationId, id);
    }

    @Transactional
    public Segment create(LocationId locationId, JsonObject body, UUID userId) {
        Violations violations = new Violations();
        String name = name(body, true, violations);
        String description = description(body, violations);
        JsonValue filter = filter(body, true, violations);
        unknown(body, violations);
        violations.throwIfAny();
        compiler.compile(locationId, filter, "/filter");
        long existing = db.queryOne("SELECT count(*) FROM segment WHERE location_id = ?", row -> row.getLong(1), locationId).orElse(0L);
        if (existing >= MAX_SEGMENTS) {
            throw ProblemException.conflict("a location has at most " + MAX_SEGMENTS + " segments");
        }
        UUID id = UUID.randomUUID();
        taken(locationId, name, id);
        unique(() -> db.update("INSERT INTO segment (id, location_id, name, description, filter, created_by) VALUES (?, ?, ?, ?, ?::jsonb, ?)",
                id, locationId, name, description, filter.toString(), userId), name);
        return get(locationId, id);
    }

    /** Changes the members given (name, description, filter); the others stay. */
    @Transactional
    public Segment update(LocationId locationId, UUID id, JsonObject body) {
        Segment before = get(locationId, id);
        Violations violations = new Violations();
        String name = body.containsKey("name") ? name(body, true, violations) : before.name();
        String description = body.containsKey("description") ? description(body, violations) : before.description();
        JsonValue filter = body.containsKey("filter") ? filter(body, true, violations) : before.filter();
        unknown(body, violations);
        violations.throwIfAny();
        if (body.containsKey("filter")) {
            compiler.compile(locationId, filter, "/filter");
        }
        taken(locationId, name, id);
        boolean filterChanged = !filter.equals(before.filter());
        unique(() -> db.update("""
                UPDATE segment SET name = ?, description = ?, filter = ?::jsonb, updated_at = now(), version = version + 1,
                       last_count = CASE WHEN ? THEN NULL ELSE last_count END,
                       counted_at = CASE WHEN ? THEN NULL ELSE counted_at END
                WHERE location_id = ? AND id = ?""", name, description, filter.toString(), filterChanged, filterChanged,
                locationId, id), name);
        return get(locationId, id);
    }

    @Transactional
    public void delete(LocationId locationId, UUID id) {
        if (db.update("DELETE FROM segment WHERE location_id = ? AND id = ?", locationId, id) == 0) {
            throw ProblemException.notFound("segment " + id);
        }
    }

    /** How many of the location's contacts a filter matches now. */
    @Transactional
    public long count(LocationId locationId, JsonValue filter) {
        return count(locationId, compile(locationId, filter));
    }

    /** How many contacts the segment matches now; remembered as its last count. */
    @Transactional
    public Segment countSegment(LocationId locationId, UUID id) {
        Segment segment = get(locationId, id);
        long count = count(locationId, compiler.compile(locationId, segment.filter(), "/filter"));
        db.update("UPDATE segment SET last_count = ?, counted_at = now() WHERE location_id = ? AND id = ?", count, locationId, id);
        return get(locationId, id);
    }

    /** The filter of a request body, compiled; problems are reported under {@code /filter}. */
    public SqlCondition compile(LocationId locationId, JsonValue filter) {
        return compiler.compile(locationId, filter, "/filter");
    }

    /** A filter compiled; problems are reported under {@code pointer}. */
    public SqlCondition compile(LocationId locationId, JsonValue filter, String pointer) {
        return compiler.compile(locationId, filter, pointer);
    }

    /** The filter of a saved segment, compiled. */
    @Transactional
    public SqlCondition compiled(LocationId locationId, UUID id) {
        return compiler.compile(locationId, get(locationId, id).filter(), "/filter");
    }

    /** How many of the location's contacts a compiled filter matches now. */
    @Transactional
    public long count(LocationId locationId, SqlCondition where) {
        limits();
        List<Object> params = new ArrayList<>(List.of(locationId));
        params.addAll(where.params());
        return timed(() -> db.queryOne("SELECT count(*) FROM contact c WHERE c.location_id = ? AND c.deleted_at IS NULL AND ("
                + where.sql() + ")", row -> row.getLong(1), params.toArray()).orElse(0L));
    }

    /** A page of the contacts a filter matches, in a contact list's order. */
    @Transactional
    public Page<Contact> contacts(LocationId locationId, SqlCondition where, ContactQuery query) {
        limits();
        return timed(() -> search.list(locationId, query, where.sql(), where.params()));
    }

    /**
     * The next contacts a filter matches after {@code afterId} in the order of their ids, at most
     * {@code limit}, each as the columns of {@code select} (an export, a bulk action).
     */
    @Transactional
    public <T> List<T> after(LocationId locationId, SqlCondition where, UUID afterId, int limit, String select,
                             Database.RowMapper<T> mapper) {
        limits();
        List<Object> params = new ArrayList<>(List.of(locationId));
        params.addAll(where.params());
        params.add(afterId == null ? new UUID(0, 0) : afterId);
        params.add(limit);
        return timed(() -> db.query("SELECT " + select + " FROM contact c WHERE c.location_id = ? AND c.deleted_at IS NULL AND ("
                + where.sql() + ") AND c.id > ? ORDER BY c.id LIMIT ?", mapper, params.toArray()));
    }

    /** The next page of a filter's contacts after {@code afterId} in the order of their ids, as an export writes them. */
    @Transactional
    public List<ExportedContact> exportPage(LocationId locationId, SqlCondition where, UUID afterId, int limit) {
        return after(locationId, where, afterId, limit, ExportedContact.SELECT, row -> {
            List<String> fields = new ArrayList<>();
            for (int i = 2; i <= 16; i++) {
                fields.add(row.getString(i));
            }
            return new ExportedContact(row.getObject(1, UUID.class), fields, List.of((String[]) row.getArray(17).getArray()),
                    row.getBoolean(18), row.getObject(19, OffsetDateTime.class), row.getObject(20, OffsetDateTime.class),
                    Json.createReader(new StringReader(row.getString(21))).readObject());
        });
    }

    /**
     * Gives the transaction's segment queries their memory and time limit, and plans each with its
     * values (SET LOCAL: until the transaction ends). A plan made for any values, which PostgreSQL
     * switches to after a statement's fifth run, would not know a rare tag from a common one.
     */
    private void limits() {
        db.query("SELECT set_config('work_mem', ?, true), set_config('statement_timeout', ?, true), "
                + "set_config('plan_cache_mode', 'force_custom_plan', true)", row -> 1, workMem, timeoutSeconds + "s");
    }

    private <T> T timed(java.util.function.Supplier<T> query) {
        try {
            return query.get();
        } catch (DatabaseException e) {
            if (e.getCause() instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
                throw new ProblemException(Problem.of(ProblemType.QUERY_TIMEOUT,
                        "the segment query ran longer than its limit of " + timeoutSeconds + " s"));
            }
            throw e;
        }
    }

    private static String name(JsonObject body, boolean required, Violations violations) {
        JsonValue value = body.get("name");
        if (!(value instanceof jakarta.json.JsonString text) || text.getString().isBlank()) {
            if (required || value != null) {
                violations.field("name", "name is required: a text of 1 to " + MAX_NAME + " characters");
            }
            return null;
        }
        String name = text.getString().strip();
        return Texts.check(name, "/name", MAX_NAME, violations) ? name : null;
    }

    private static String description(JsonObject body, Violations violations) {
        JsonValue value = body.get("description");
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof jakarta.json.JsonString text)) {
            violations.field("description", "description must be a text");
            return null;
        }
        return Texts.check(text.getString(), "/description", MAX_DESCRIPTION, violations) ? text.getString() : null;
    }

    private static JsonValue filter(JsonObject body, boolean required, Violations violations) {
        JsonValue value = body.get("filter");
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                violations.field("filter", "filter is required: {\"all\": []} matches every contact");
            }
            return null;
        }
        if (value.toString().length() > MAX_FILTER) {
            violations.field("filter", "a filter is at most " + MAX_FILTER + " characters of JSON");
            return null;
        }
        return value;
    }

    private static void unknown(JsonObject body, Violations violations) {
        body.keySet().stream().filter(member -> !MEMBERS.contains(member))
                .forEach(member -> violations.field(member, "not a member of a segment; it has name, description and filter"));
    }

    private void taken(LocationId locationId, String name, UUID id) {
        if (db.queryOne("SELECT 1 FROM segment WHERE location_id = ? AND lower(name) = lower(?) AND id <> ?", row -> 1,
                locationId, name, id).isPresent()) {
            throw ProblemException.invalid(FieldError.field("name", "another segment is named " + Texts.quote(name)));
        }
    }

    private void unique(Runnable write, String name) {
        try {
            write.run();
        } catch (DatabaseException e) {
            if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                throw ProblemException.invalid(FieldError.field("name", "another segment is named " + Texts.quote(name)));
            }
            throw e;
        }
    }

    private static Segment segment(ResultSet row) throws SQLException {
        return new Segment(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                Json.createReader(new StringReader(row.getString(4))).readValue(),
                row.getObject(5, Long.class), row.getObject(6, OffsetDateTime.class),
                row.getObject(7, OffsetDateTime.class), row.getObject(8, OffsetDateTime.class));
    }
}
