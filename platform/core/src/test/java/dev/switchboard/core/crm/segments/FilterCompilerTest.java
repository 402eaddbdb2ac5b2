package dev.switchboard.core.crm.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.crm.fields.CustomField;
import dev.switchboard.core.db.TypedArray;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonPointer;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FilterCompilerTest {

    private static final LocationId LOCATION = new LocationId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    /** 2026-11-27 01:30 in UTC is still 2026-11-26 in New York. */
    private static final Instant NOW = Instant.parse("2026-11-27T01:30:00Z");
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final Map<String, CustomField> FIELDS = List.of(
            field("seats", "number", List.of()), field("budget", "money", List.of()), field("renewal", "date", List.of()),
            field("plan", "singleOption", List.of("silver", "gold")), field("channels", "multipleOptions", List.of("sms", "email")),
            field("nickname", "text", List.of()), field("vip", "checkbox", List.of()), field("billing", "email", List.of()),
            field("mobile", "phone", List.of()), field("notes", "largeText", List.of()), field("site", "url", List.of()))
            .stream().collect(Collectors.toMap(CustomField::key, Function.identity()));

    private final FilterCompiler compiler = FilterCompiler.of(List.of(new ContactFieldCondition(), new CustomFieldCondition(),
            new TagCondition(), new DndCondition()));

    private static CustomField field(String key, String type, List<String> options) {
        return new CustomField(UUID.nameUUIDFromBytes(key.getBytes()), "contact", key, key, type, options, false, null, null, 0,
                OffsetDateTime.now(), OffsetDateTime.now());
    }

    private SqlCondition compile(String json) {
        return compile(Json.createReader(new StringReader(json)).readValue());
    }

    private SqlCondition compile(JsonValue filter) {
        FilterContext context = new FilterContext(LOCATION, ZONE, "US", NOW, () -> FIELDS,
                target -> new LocalDate[] {LocalDate.of(1950, 3, 1), LocalDate.of(1952, 6, 30)}, new Violations());
        return compiler.compile(context, filter, "/filter");
    }

    private List<FieldError> problems(String json) {
        try {
            compile(json);
        } catch (ProblemException e) {
            return e.problem().errors();
        }
        throw new AssertionError("compiled: " + json);
    }

    @Test
    void theThreeConditionSegmentIsThreeIndexedSubqueriesWithEveryValueBound() {
        SqlCondition sql = compile("""
                {"all": [
                  {"type": "tag", "operator": "hasAny", "value": ["Webinar"]},
                  {"type": "customField", "field": "seats", "operator": "between", "value": [10, 50]},
                  {"type": "customField", "field": "renewal", "operator": "inLast", "value": {"amount": 7, "unit": "days"}}]}""");
        // joined before any contact is read
        assertThat(sql.sql()).isEqualTo("c.id IN (SELECT s0.id FROM (SELECT t.contact_id AS id FROM contact_tag_index t WHERE t.location_id = ? AND t.tag = ?) s0"
                + " JOIN (SELECT v.owner_id AS id FROM custom_field_value v WHERE v.location_id = ? AND v.field_id = ? AND v.number_value BETWEEN ? AND ?) s1 ON s1.id = s0.id"
                + " JOIN (SELECT v.owner_id AS id FROM custom_field_value v WHERE v.location_id = ? AND v.field_id = ? AND v.date_value >= ? AND v.date_value <= ?) s2 ON s2.id = s0.id)");
        // tags are stored in lower case; "in the last 7 days" counts days of the location's calendar: there it is still the 26th
        assertThat(sql.params()).containsExactly(LOCATION, "webinar", LOCATION, FIELDS.get("seats").id(), 10.0, 50.0,
                LOCATION, FIELDS.get("renewal").id(), LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 26));
    }

    @Test
    void momentsCompareWithTheStartOfTheLocationsDays() {
        SqlCondition sql = compile("""
                {"type": "field", "field": "createdAt", "operator": "moreThanAgo", "value": {"amount": 30, "unit": "days"}}""");
        assertThat(sql.sql()).isEqualTo("c.created_at < ?");
        // before the start of 2026-10-27 in New York (04:00 UTC, daylight saving time)
        assertThat(sql.params()).containsExactly(OffsetDateTime.of(2026, 10, 27, 4, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void negationsIncludeTheContactsWithoutAValue() {
        SqlCondition sql = compile("""
                {"type": "customField", "field": "plan", "operator": "notEquals", "value": "GOLD"}""");
        assertThat(sql.sql()).isEqualTo("NOT EXISTS (SELECT 1 FROM (SELECT v.owner_id AS id FROM custom_field_value v"
                + " WHERE v.location_id = ? AND v.field_id = ? AND v.text_value = ANY (?)) excluded WHERE excluded.id = c.id)");
        assertThat((String[]) sql.params().get(2)).containsExactly("gold");
    }

    @Test
    void anAnniversaryListsTheDaysOfEveryYearTheValuesSpanAcrossTheNewYearAndLeapDays() {
        SqlCondition sql = compile("""
                {"type": "customField", "field": "renewal", "operator": "anniversaryInNext", "value": {"amount": 3, "unit": "days"}}""");
        assertThat(sql.sql()).endsWith("v.date_value = ANY (?))");
        assertThat(sql.ids()).isNotNull();
        // 2026-11-26 to 2026-11-29, for 1950, 1951 and 1952
        TypedArray dates = (TypedArray) sql.params().get(2);
        assertThat(dates.elementType()).as("bound as date[] itself, a constant the planner can use").isEqualTo("date");
        assertThat(dates.values()).hasSize(12).contains("1950-11-26", "1952-11-29");

        FilterContext context = new FilterContext(LOCATION, ZONE, "US", Instant.parse("2027-02-27T12:00:00Z"), () -> FIELDS,
                target -> new LocalDate[] {LocalDate.of(1999, 1, 1), LocalDate.of(2001, 1, 1)}, new Violations());
        SqlCondition leap = compiler.compile(context, Json.createReader(new StringReader("""
                {"type": "field", "field": "dateOfBirth", "operator": "anniversaryInNext", "value": {"amount": 1, "unit": "days"}}""")).readValue(), "/filter");
        // February 27 and 28 of 2027; a February 29 birthday is celebrated on the 28th when the year has none
        assertThat(((TypedArray) leap.params().get(0)).values()).containsExactlyInAnyOrder("1999-02-27", "1999-02-28", "2000-02-27", "2000-02-28",
                "2000-02-29", "2001-02-27", "2001-02-28");
    }

    @Test
    void everyProblemIsReportedAtItsPointer() {
        List<FieldError> errors = problems("""
                {"all": [
                  {"type": "tag", "operator": "hasSome", "value": ["a"]},
                  {"type": "customField", "field": "nope", "operator": "equals", "value": 1},
                  {"any": [{"type": "customField", "field": "plan", "operator": "in", "value": ["gold", "bronze"]}]},
                  {"not": {"type": "field", "field": "createdAt", "operator": "inLast", "value": {"amount": -1, "unit": "fortnights"}}},
                  {"type": "dnd", "channel": "sms", "value": true, "extra": 1},
                  {"type": "teleport"},
                  "a string"]}""");
        assertThat(errors).extracting(FieldError::pointer).containsExactly(
                "/filter/all/0/operator", "/filter/all/1/field", "/filter/all/2/any/0/value/1",
                "/filter/all/3/not/value/amount", "/filter/all/3/not/value/unit", "/filter/all/4/extra", "/filter/all/5/type",
                "/filter/all/6");
        assertThat(errors.get(2).detail()).contains("'bronze' is not one of the field's options [silver, gold]");
        assertThat(errors.get(6).detail()).contains("type is one of customField, dnd, field, tag");
    }

    @Test
    void limitsOfDepthAndSizeAreProblemsNotCrashes() {
        String deep = "{\"not\": ".repeat(11) + "{\"all\": []}" + "}".repeat(11);
        assertThat(problems(deep)).extracting(FieldError::detail).anyMatch(detail -> detail.contains("at most 10 deep"));
        String wide = "{\"any\": [" + String.join(",", java.util.Collections.nCopies(201,
                "{\"type\": \"dnd\", \"channel\": \"all\", \"value\": true}")) + "]}";
        assertThat(problems(wide)).extracting(FieldError::detail).anyMatch(detail -> detail.contains("at most 200"));
        assertThat(problems("{\"type\": \"field\", \"field\": \"firstName\", \"operator\": \"equals\", \"value\": \"a\\u0000b\"}"))
                .extracting(FieldError::pointer).containsExactly("/filter/value");
    }

    /**
     * Thousands of random and hostile filters: each compiles or is refused with problems whose pointers
     * all lead into the filter; none fails otherwise. Every text the filters hold carries the marker
     * "zq", and no compiled SQL ever contains it: values reach the database only as bind parameters.
     */
    @Test
    void randomAndHostileFiltersCompileToParametersOnlyOrAreRefusedAtAPointer() {
        Random random = new Random(20261127);
        int compiled = 0;
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            JsonValue filter = new Fuzz(random).node(0);
            try {
                SqlCondition sql = compile(filter);
                assertThat(sql.sql().toLowerCase()).doesNotContain("zq");
                assertThat(sql.sql().chars().filter(c -> c == '?').count()).as(sql.sql()).isEqualTo(sql.params().size());
                compiled++;
            } catch (ProblemException e) {
                assertThat(e.problem().status()).isEqualTo(400);
                assertThat(e.problem().errors()).isNotEmpty();
                for (FieldError error : e.problem().errors()) {
                    assertThat(error.pointer()).startsWith("/filter");
                    assertThat(resolvesNear(filter, error.pointer().substring("/filter".length())))
                            .as(error.pointer() + " in " + filter).isTrue();
                }
                refused++;
            }
        }
        assertThat(compiled).isGreaterThan(1_000);
        assertThat(refused).isGreaterThan(1_000);
    }

    /** The pointer, or the object it would be a member of (a missing member is named by its pointer). */
    private static boolean resolvesNear(JsonValue filter, String pointer) {
        if (pointer.isEmpty()) {
            return true;
        }
        if (!(filter instanceof JsonStructure structure)) {
            return false;
        }
        JsonPointer at = Json.createPointer(pointer);
        if (at.containsValue(structure)) {
            return true;
        }
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        return parent.isEmpty() || Json.createPointer(parent).containsValue(structure);
    }

    /** Random filters: mostly well-formed, often subtly wrong, sometimes hostile. */
    private static final class Fuzz {

        private static final List<String> TYPES = List.of("field", "customField", "tag", "dnd", "opportunity", "zq-type");
        private static final List<String> FIELD_NAMES = List.of("firstName", "email", "phone", "createdAt", "dateOfBirth",
                "assignedTo", "zqNope");
        private static final List<String> KEYS = new ArrayList<>(FIELDS.keySet());
        private static final List<String> OPERATORS = new ArrayList<>(Comparisons.ALL);
        private static final List<String> HOSTILE = List.of("zq'; DROP TABLE contact; --", "zq\" OR 1=1 --", "zq%_\\", "zq\u0000nul",
                "zq" + "x".repeat(1200), "zq\ud800", "zq) OR (TRUE", "zq$1", "zq?", "zq::text", "zq/*");

        private final Random random;

        Fuzz(Random random) {
            this.random = random;
            OPERATORS.addAll(TagCondition.OPERATORS);
        }

        JsonValue node(int depth) {
            int pick = random.nextInt(depth > 3 ? 8 : 12);
            if (pick >= 8) {
                JsonArrayBuilder parts = Json.createArrayBuilder();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    parts.add(node(depth + 1));
                }
                return switch (pick) {
                    case 8 -> Json.createObjectBuilder().add("all", parts).build();
                    case 9 -> Json.createObjectBuilder().add("any", parts).build();
                    case 10 -> Json.createObjectBuilder().add("not", node(depth + 1)).build();
                    default -> Json.createObjectBuilder().add("all", parts).add("any", parts).build();
                };
            }
            if (pick == 7) {
                return value();
            }
            JsonObjectBuilder condition = Json.createObjectBuilder();
            String type = one(TYPES);
            condition.add("type", type);
            switch (type) {
                case "field" -> condition.add("field", random.nextInt(8) == 0 ? text() : one(FIELD_NAMES));
                case "customField" -> condition.add("field", random.nextInt(8) == 0 ? text() : one(KEYS));
                case "dnd" -> condition.add("channel", one(List.of("all", "any", "sms", "zq-fax")));
                default -> {
                }
            }
            if (random.nextInt(10) > 0) {
                condition.add("operator", random.nextInt(10) == 0 ? text() : one(OPERATORS));
            }
            if (random.nextInt(5) > 0) {
                condition.add("value", value());
            }
            if (random.nextInt(15) == 0) {
                condition.add(text(), value());
            }
            return condition.build();
        }

        private JsonValue value() {
            return switch (random.nextInt(12)) {
                case 0 -> Json.createValue(text());
                case 1 -> Json.createValue(random.nextInt(2000) - 1000);
                case 2 -> Json.createValue(new BigDecimal("1e" + random.nextInt(30)));
                case 3 -> random.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
                case 4 -> JsonValue.NULL;
                case 5 -> Json.createValue(LocalDate.of(1900 + random.nextInt(200), 1 + random.nextInt(12), 1 + random.nextInt(28)).toString());
                case 6 -> Json.createArrayBuilder().add(random.nextInt(100)).add(random.nextInt(100)).build();
                case 7 -> Json.createArrayBuilder().add("2026-01-01").add(random.nextBoolean() ? "2025-01-01" : "2027-12-31").build();
                case 8 -> Json.createObjectBuilder().add("amount", random.nextInt(60000) - 100)
                        .add("unit", one(List.of("days", "weeks", "months", "years", "zq-eons"))).build();
                case 9 -> {
                    JsonArrayBuilder list = Json.createArrayBuilder();
                    int n = random.nextInt(5);
                    for (int i = 0; i < n; i++) {
                        list.add(random.nextBoolean() ? text() : one(List.of("silver", "gold", "sms", "webinar")));
                    }
                    yield list.build();
                }
                case 10 -> Json.createObjectBuilder().add("operator", one(OPERATORS)).add("value", random.nextInt(10)).build();
                default -> Json.createValue(one(List.of("silver", "GOLD", "ada@example.com", "+1 415 555 0100")));
            };
        }

        private String text() {
            return random.nextInt(3) == 0 ? one(HOSTILE) : "zq" + Integer.toString(random.nextInt(1 << 20), 36);
        }

        private String one(List<String> values) {
            return values.get(random.nextInt(values.size()));
        }
    }

    @Test
    void theSchemaNamesEveryConditionType() {
        assertThat(Arrays.stream(compiler.schema().getJsonArray("oneOf").toArray()).map(Object::toString).collect(Collectors.joining()))
                .contains("\"const\":\"tag\"", "\"const\":\"customField\"", "\"const\":\"field\"", "\"const\":\"dnd\"");
    }

    @Test
    void aRefusalOfAMissingFilterMemberNamesIt() {
        assertThatThrownBy(() -> compile("{\"type\": \"tag\"}")).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().errors()).extracting(FieldError::pointer)
                        .containsExactly("/filter/operator"));
    }
}
