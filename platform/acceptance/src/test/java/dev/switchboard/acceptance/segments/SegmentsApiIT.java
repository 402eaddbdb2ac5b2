package dev.switchboard.acceptance.segments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.acceptance.support.Problems;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Segments through the API, on a location of 80 contacts made with seeded random values: every
 * condition type and operator is compared with the contacts the test itself expects from the values
 * it sent (no SQL of the test's own), then limits, hostile filters, tenancy, export and the life of a
 * saved segment.
 */
@ExtendWith(PlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentsApiIT {

    /** A time zone far from UTC, so that "today" is the location's, not the server's. */
    private static final ZoneId ZONE = ZoneId.of("Pacific/Kiritimati");
    private static final List<String> TAGS = List.of("webinar", "ebook", "vip", "cold", "hot lead");
    private static final List<String> PLANS = List.of("silver", "gold", "platinum");
    private static final List<String> CHANNELS = List.of("sms", "email", "call");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the test sent for each contact. */
    record Person(String id, String firstName, String email, String phone, String city, LocalDate birth, Set<String> tags,
                  boolean dnd, boolean dndSms, Integer seats, BigDecimal budget, LocalDate renewal, String plan, List<String> channels,
                  String nickname, Boolean vip, OffsetDateTime createdAt, String stage, String status, BigDecimal value) {
    }

    private final List<Person> people = new ArrayList<>();
    private ApiClient api;
    private TestLocation location;
    private LocalDate today;
    private JsonNode pipeline;

    @BeforeAll
    void contacts(TestLocation location, RunningPlatform platform) throws Exception {
        this.location = location;
        api = location.api();
        ok(api.send("PATCH", location.path("crm-settings"), "application/json",
                "{\"timezone\": \"Pacific/Kiritimati\"}".getBytes()));
        customField("seats", "number", List.of());
        customField("budget", "money", List.of());
        customField("renewal", "date", List.of());
        customField("plan", "singleOption", PLANS);
        customField("channels", "multipleOptions", CHANNELS);
        customField("nickname", "text", List.of());
        customField("vip", "checkbox", List.of());
        pipeline = ok(api.postJson(location.path("pipelines"), Map.of("name", "Sales",
                "stages", List.of(Map.of("name", "New"), Map.of("name", "Proposal")))));
        today = LocalDate.now(ZONE);
        Random random = new Random(9);
        List<String> names = List.of("Ada", "ADAM", "Grace", "Ádám", "Linus", "Zoë", "Barbara", "adelaide");
        for (int i = 0; i < 80; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            String first = names.get(i % names.size());
            body.put("firstName", first);
            String email = "p" + i + (i % 3 == 0 ? "@Example.com" : "@mail.test");
            body.put("email", email);
            String phone = i % 2 == 0 ? "+1415555" + String.format("%04d", i) : null;
            if (phone != null) {
                body.put("phone", phone);
            }
            String city = List.of("Austin", "boston", "New York", "").get(random.nextInt(4));
            if (!city.isEmpty()) {
                body.put("city", city);
            }
            // some birthdays in the next two weeks, around New Year and on leap days
            LocalDate birth = switch (i % 5) {
                case 0 -> today.plusDays(random.nextInt(20)).minusYears(20 + random.nextInt(40));
                case 1 -> LocalDate.of(1960 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28));
                case 2 -> i % 10 == 2 ? LocalDate.of(1996, 2, 29) : null;
                default -> null;
            };
            if (birth != null) {
                body.put("dateOfBirth", birth.toString());
            }
            Set<String> tags = new TreeSet<>();
            for (String tag : TAGS) {
                if (random.nextInt(3) == 0) {
                    tags.add(tag);
                }
            }
            body.put("tags", List.copyOf(tags));
            boolean dnd = random.nextInt(8) == 0;
            boolean dndSms = random.nextInt(5) == 0;
            body.put("dnd", dnd);
            body.put("dndSettings", Map.of("sms", dndSms));
            Map<String, Object> custom = new LinkedHashMap<>();
            Integer seats = random.nextInt(4) == 0 ? null : random.nextInt(100);
            BigDecimal budget = random.nextInt(4) == 0 ? null : BigDecimal.valueOf(random.nextInt(100000), 2);
            LocalDate renewal = random.nextInt(4) == 0 ? null : today.plusDays(random.nextInt(121) - 60);
            String plan = random.nextInt(4) == 0 ? null : PLANS.get(random.nextInt(3));
            List<String> channels = random.nextInt(3) == 0 ? null
                    : CHANNELS.stream().filter(c -> random.nextBoolean()).toList();
            String nickname = random.nextInt(3) == 0 ? null : List.of("Countess", "Amazing Grace", "penguin", "=1+2").get(random.nextInt(4));
            Boolean vip = random.nextInt(3) == 0 ? null : random.nextBoolean();
            putIf(custom, "seats", seats);
            putIf(custom, "budget", budget);
            putIf(custom, "renewal", renewal == null ? null : renewal.toString());
            putIf(custom, "plan", plan);
            putIf(custom, "channels", channels);
            putIf(custom, "nickname", nickname);
            putIf(custom, "vip", vip);
            body.put("customFields", custom);
            String id = ok(api.postJson(location.path("contacts"), body)).get("id").asText();
            String stage = null;
            String status = null;
            BigDecimal value = null;
            if (i % 3 != 1) {
                stage = i % 2 == 0 ? "New" : "Proposal";
                status = List.of("open", "won", "lost").get(random.nextInt(3));
                value = BigDecimal.valueOf(random.nextInt(5000));
                JsonNode deal = ok(api.postJson(location.path("opportunities"), Map.of("name", "Deal " + i, "contactId", id,
                        "pipelineId", pipeline.get("id").asText(), "pipelineStageId", stage(stage), "monetaryValue", value)));
                if (!status.equals("open")) {
                    ok(api.send("PATCH", location.path("opportunities/" + deal.get("id").asText()), "application/json",
                            ("{\"status\": \"" + status + "\"}").getBytes()));
                }
            }
            people.add(new Person(id, first, email.toLowerCase(Locale.ROOT), phone, city.isEmpty() ? null : city, birth, tags, dnd,
                    dndSms, seats, budget, renewal, plan, channels, nickname, vip, null, stage, status, value));
        }
        // creation times spread over the last 90 days, written where the API cannot
        try (Connection db = platform.database(UUID.fromString(location.id()));
             PreparedStatement created = db.prepareStatement("UPDATE contact SET created_at = ? WHERE id = ?")) {
            for (int i = 0; i < people.size(); i++) {
                Person p = people.get(i);
                OffsetDateTime at = OffsetDateTime.now().minusDays(i * 90L / people.size()).minusHours(i % 7);
                created.setObject(1, at);
                created.setObject(2, UUID.fromString(p.id()));
                created.executeUpdate();
                people.set(i, new Person(p.id(), p.firstName(), p.email(), p.phone(), p.city(), p.birth(), p.tags(), p.dnd(),
                        p.dndSms(), p.seats(), p.budget(), p.renewal(), p.plan(), p.channels(), p.nickname(), p.vip(), at,
                        p.stage(), p.status(), p.value()));
            }
        }
        // a deleted contact is in no segment
        String gone = ok(api.postJson(location.path("contacts"), Map.of("firstName", "Ada", "tags", List.of("webinar")))).get("id").asText();
        assertThat(api.delete(location.path("contacts/" + gone)).status()).isEqualTo(204);
    }

    @Test
    void everyConditionMatchesTheContactsItDescribes() {
        expect("{\"all\": []}", p -> true);
        // standard texts, ignoring case
        expect(field("firstName", "equals", "\"ada\""), p -> p.firstName().equalsIgnoreCase("ada"));
        expect(field("firstName", "startsWith", "\"AD\""), p -> p.firstName().toLowerCase(Locale.ROOT).startsWith("ad"));
        expect(field("firstName", "contains", "\"a\""), p -> p.firstName().toLowerCase(Locale.ROOT).contains("a"));
        expect(field("firstName", "notContains", "\"a\""), p -> !p.firstName().toLowerCase(Locale.ROOT).contains("a"));
        expect(field("firstName", "in", "[\"grace\", \"ZOË\"]"), p -> p.firstName().equals("Grace") || p.firstName().equals("Zoë"));
        expect(field("city", "isEmpty", null), p -> p.city() == null);
        expect(field("city", "notEquals", "\"Boston\""), p -> !"boston".equalsIgnoreCase(p.city()));
        // emails and phones are compared as stored: lower case, E.164
        expect(field("email", "equals", "\"P3@EXAMPLE.COM\""), p -> p.email().equals("p3@example.com"));
        expect(field("email", "contains", "\"@example.\""), p -> p.email().contains("@example."));
        expect(field("phone", "equals", "\"(415) 555-0004\""), p -> "+14155550004".equals(p.phone()));
        expect(field("phone", "isNotEmpty", null), p -> p.phone() != null);
        // dates and moments in the location's calendar
        expect(field("dateOfBirth", "anniversaryInNext", span(14, "days")), p -> p.birth() != null && anniversaryWithin(p.birth(), 14));
        expect(field("dateOfBirth", "before", "\"1980-01-01\""), p -> p.birth() != null && p.birth().isBefore(LocalDate.of(1980, 1, 1)));
        expect(field("createdAt", "inLast", span(30, "days")),
                p -> !p.createdAt().atZoneSameInstant(ZONE).toLocalDate().isBefore(today.minusDays(30)));
        expect(field("createdAt", "moreThanAgo", span(2, "months")),
                p -> p.createdAt().atZoneSameInstant(ZONE).toLocalDate().isBefore(today.minusMonths(2)));
        // custom fields by type
        expect(custom("seats", "between", "[10, 40]"), p -> p.seats() != null && p.seats() >= 10 && p.seats() <= 40);
        expect(custom("seats", "greater", "50"), p -> p.seats() != null && p.seats() > 50);
        expect(custom("seats", "notEquals", "7"), p -> p.seats() == null || p.seats() != 7);
        expect(custom("seats", "isEmpty", null), p -> p.seats() == null);
        expect(custom("budget", "lessOrEqual", "250.5"), p -> p.budget() != null && p.budget().compareTo(new BigDecimal("250.5")) <= 0);
        expect(custom("renewal", "inNext", span(2, "weeks")),
                p -> p.renewal() != null && !p.renewal().isBefore(today) && !p.renewal().isAfter(today.plusWeeks(2)));
        expect(custom("renewal", "inLast", span(7, "days")),
                p -> p.renewal() != null && !p.renewal().isBefore(today.minusDays(7)) && !p.renewal().isAfter(today));
        expect(custom("renewal", "moreThanAgo", span(30, "days")), p -> p.renewal() != null && p.renewal().isBefore(today.minusDays(30)));
        expect(custom("renewal", "equals", "\"" + today + "\""), p -> today.equals(p.renewal()));
        expect(custom("plan", "equals", "\"Gold\""), p -> "gold".equals(p.plan()));
        expect(custom("plan", "notIn", "[\"gold\", \"silver\"]"), p -> !"gold".equals(p.plan()) && !"silver".equals(p.plan()));
        expect(custom("channels", "in", "[\"sms\", \"call\"]"),
                p -> p.channels() != null && (p.channels().contains("sms") || p.channels().contains("call")));
        expect(custom("channels", "equals", "\"email\""), p -> p.channels() != null && p.channels().contains("email"));
        expect(custom("nickname", "contains", "\"GRACE\""), p -> p.nickname() != null && p.nickname().toLowerCase(Locale.ROOT).contains("grace"));
        expect(custom("vip", "equals", "false"), p -> Boolean.FALSE.equals(p.vip()));
        expect(custom("vip", "isEmpty", null), p -> p.vip() == null);
        // tags
        expect("{\"type\": \"tag\", \"operator\": \"hasAny\", \"value\": [\"webinar\", \"Hot Lead\"]}",
                p -> p.tags().contains("webinar") || p.tags().contains("hot lead"));
        expect("{\"type\": \"tag\", \"operator\": \"hasAll\", \"value\": [\"webinar\", \"ebook\"]}",
                p -> p.tags().contains("webinar") && p.tags().contains("ebook"));
        expect("{\"type\": \"tag\", \"operator\": \"hasNone\", \"value\": [\"cold\"]}", p -> !p.tags().contains("cold"));
        expect("{\"type\": \"tag\", \"operator\": \"isEmpty\"}", p -> p.tags().isEmpty());
        // do not disturb
        expect("{\"type\": \"dnd\", \"channel\": \"all\", \"value\": true}", Person::dnd);
        expect("{\"type\": \"dnd\", \"channel\": \"sms\", \"value\": false}", p -> !p.dnd() && !p.dndSms());
        // opportunities
        String pipelineId = pipeline.get("id").asText();
        expect("{\"type\": \"opportunity\", \"pipeline\": \"" + pipelineId + "\", \"status\": \"won\"}", p -> "won".equals(p.status()));
        expect("{\"type\": \"opportunity\", \"stage\": \"" + stage("Proposal") + "\", \"value\": {\"operator\": \"greaterOrEqual\", \"value\": 2500}}",
                p -> "Proposal".equals(p.stage()) && p.value().compareTo(BigDecimal.valueOf(2500)) >= 0);
        expect("{\"type\": \"opportunity\", \"has\": false}", p -> p.stage() == null);
        // groups
        expect("{\"any\": [" + custom("plan", "equals", "\"platinum\"") + ", {\"all\": ["
                        + "{\"type\": \"tag\", \"operator\": \"hasAny\", \"value\": [\"vip\"]}, " + custom("seats", "less", "50") + "]}]}",
                p -> "platinum".equals(p.plan()) || p.tags().contains("vip") && p.seats() != null && p.seats() < 50);
        expect("{\"not\": {\"any\": [{\"type\": \"tag\", \"operator\": \"hasAny\", \"value\": [\"cold\"]}, "
                        + field("phone", "isEmpty", null) + "]}}",
                p -> !(p.tags().contains("cold") || p.phone() == null));
        expect("{\"all\": [{\"type\": \"tag\", \"operator\": \"hasAny\", \"value\": [\"webinar\"]}, " + custom("seats", "between", "[0, 60]")
                        + ", " + custom("renewal", "inLast", span(60, "days")) + ", " + field("firstName", "startsWith", "\"a\"") + "]}",
                p -> p.tags().contains("webinar") && p.seats() != null && p.seats() <= 60 && p.renewal() != null
                        && !p.renewal().isBefore(today.minusDays(60)) && !p.renewal().isAfter(today)
                        && p.firstName().toLowerCase(Locale.ROOT).startsWith("a"));
        // a workflow the contacts never entered: none entered it, all did not
        expect("{\"type\": \"workflow\", \"workflow\": \"never-run\", \"operator\": \"entered\"}", p -> false);
        expect("{\"type\": \"workflow\", \"workflow\": \"never-run\", \"operator\": \"notCompleted\", \"within\": " + span(3, "days") + "}",
                p -> true);
    }

    @Test
    void aSavedSegmentCountsListsExportsAndFollowsChanges() {
        Response created = api.postJson(location.path("segments"), JSON.createObjectNode().put("name", "Webinar leads")
                .set("filter", parse("{\"type\": \"tag\", \"operator\": \"hasAny\", \"value\": [\"webinar\"]}")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        Set<String> webinar = people.stream().filter(p -> p.tags().contains("webinar")).map(Person::id).collect(Collectors.toSet());

        JsonNode counted = ok(api.get(location.path("segments/" + id + "/count")));
        assertThat(counted.get("count").asLong()).isEqualTo(webinar.size());
        assertThat(ok(api.get(location.path("segments/" + id))).get("lastCount").asLong()).isEqualTo(webinar.size());
        assertThat(ok(api.get(location.path("segments"))).findValuesAsText("name")).contains("Webinar leads");

        // pages in the contact list's order, every contact once
        Set<String> paged = new HashSet<>();
        String cursor = null;
        do {
            JsonNode page = ok(api.get(location.path("segments/" + id + "/contacts?limit=7&sort=name&order=asc"
                    + (cursor == null ? "" : "&cursor=" + cursor))));
            page.get("items").forEach(item -> assertThat(paged.add(item.get("id").asText())).isTrue());
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        assertThat(paged).isEqualTo(webinar);

        // CSV: a header, one line per contact, formulas neutralised
        Response csv = api.get(location.path("segments/" + id + "/export"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("id,firstName,lastName,name,email,phone").contains(",Seats,", ",Nickname");
        assertThat(lines).hasSize(webinar.size() + 1);
        assertThat(csv.body()).doesNotContain(",=1+2");
        if (people.stream().anyMatch(p -> p.tags().contains("webinar") && "=1+2".equals(p.nickname()))) {
            assertThat(csv.body()).contains(",'=1+2");
        }
        // phone numbers and negative numbers are not formulas: they stay as they are
        people.stream().filter(p -> p.tags().contains("webinar") && p.phone() != null).findFirst()
                .ifPresent(p -> assertThat(csv.body()).contains("," + p.phone() + ","));

        // a changed filter forgets the last count; a contact tagged now is in the segment now
        JsonNode changed = ok(api.send("PATCH", location.path("segments/" + id), "application/json",
                "{\"filter\": {\"type\": \"tag\", \"operator\": \"hasAll\", \"value\": [\"webinar\", \"fresh\"]}}".getBytes()));
        assertThat(changed.hasNonNull("lastCount")).isFalse();
        String fresh = ok(api.postJson(location.path("contacts"), Map.of("firstName", "Fresh", "tags", List.of("webinar", "fresh"))))
                .get("id").asText();
        assertThat(ok(api.get(location.path("segments/" + id + "/count"))).get("count").asLong()).isEqualTo(1);
        assertThat(api.delete(location.path("contacts/" + fresh)).status()).isEqualTo(204);
        assertThat(ok(api.get(location.path("segments/" + id + "/count"))).get("count").asLong()).isZero();

        // names are unique per location, ignoring case
        Problems.assertFieldError(api.postJson(location.path("segments"), JSON.createObjectNode().put("name", "WEBINAR LEADS")
                .set("filter", parse("{\"all\": []}"))), "/name", "another segment");
        assertThat(api.delete(location.path("segments/" + id)).status()).isEqualTo(204);
        assertThat(api.get(location.path("segments/" + id)).status()).isEqualTo(404);
    }

    @Test
    void badFiltersAreRefusedNamingTheirParts() {
        String preview = location.path("segments/preview");
        Problems.assertFieldError(api.postJson(preview, Map.of("filter", parse(custom("nope", "equals", "1")))),
                "/filter/field", "no contact custom field has the key 'nope'");
        Problems.assertFieldError(api.postJson(preview, Map.of("filter", parse(custom("seats", "contains", "\"1\"")))),
                "/filter/operator", "operator is one of equals, notEquals, greater");
        Problems.assertFieldError(api.postJson(preview, Map.of("filter", parse(custom("plan", "in", "[\"gold\", \"tin\"]")))),
                "/filter/value/1", "'tin' is not one of the field's options");
        Problems.assertFieldError(api.postJson(preview, Map.of("filter", parse(custom("renewal", "between", "[\"2027-01-01\", \"2026-01-01\"]")))),
                "/filter/value", "from must not be after to");
        Problems.assertFieldError(api.postJson(preview, Map.of("filter", parse("{\"all\": [{\"any\": [" + field("email", "equals", "\"not an email\"") + "]}]}"))),
                "/filter/all/0/any/0/value", "");
        Problems.assertFieldError(api.postJson(preview, Map.of("filter", parse("{\"type\": \"opportunity\", \"pipeline\": \""
                + UUID.randomUUID() + "\"}"))), "/filter/pipeline", "no pipeline");
        Problems.assertFieldError(api.postJson(preview, Map.of("filter", parse("{\"type\": \"tag\", \"operator\": \"hasAny\", "
                + "\"value\": [\"a'; DROP TABLE contact; --\"]}"))), "/filter/value/0", "letters, digits");
        Problems.assertFieldError(api.postJson(preview, Map.of("filter", "everyone")), "/filter", "a filter is an object");
        Problems.assertFieldError(api.postJson(preview, Map.of()), "/filter", "filter is required");
        Problems.assertFieldError(api.postJson(location.path("segments"), Map.of("filter", parse("{\"all\": []}"))), "/name", "name is required");
        // injection attempts in values are only ever compared with
        JsonNode none = ok(api.postJson(preview, Map.of("filter", parse(field("firstName", "equals", "\"x' OR '1'='1\"")))));
        assertThat(none.get("count").asLong()).isZero();
        // a huge filter is refused before it is compiled
        String huge = "{\"any\": [" + String.join(",", java.util.Collections.nCopies(2000, field("city", "equals", "\"" + "x".repeat(30) + "\""))) + "]}";
        Problems.assertFieldError(api.postJson(preview, Map.of("filter", parse(huge))), "/filter", "at most");
    }

    @Test
    void anotherLocationsSegmentsAndFieldsAreNotHere() {
        Response other = api.postJson("locations", Map.of("name", "Elsewhere " + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(other.status()).as(other.body()).isEqualTo(201);
        String there = "locations/" + other.json().get("id").asText() + "/";
        ok(api.postJson(there + "custom-fields", Map.of("key", "only_there", "name", "Only there", "type", "number")));
        ok(api.postJson(there + "contacts", Map.of("firstName", "Ada", "tags", List.of("webinar"))));
        JsonNode theirs = ok(api.postJson(there + "segments", JSON.createObjectNode().put("name", "Theirs")
                .set("filter", parse("{\"type\": \"tag\", \"operator\": \"hasAny\", \"value\": [\"webinar\"]}"))));
        assertThat(ok(api.get(there + "segments/" + theirs.get("id").asText() + "/count")).get("count").asLong()).isEqualTo(1);

        assertThat(api.get(location.path("segments/" + theirs.get("id").asText())).status()).isEqualTo(404);
        assertThat(api.get(location.path("segments/" + theirs.get("id").asText() + "/export")).status()).isEqualTo(404);
        Problems.assertFieldError(api.postJson(location.path("segments/preview"), Map.of("filter", parse(custom("only_there", "isEmpty", null)))),
                "/filter/field", "no contact custom field");
        JsonNode here = ok(api.postJson(location.path("segments/preview"),
                Map.of("filter", parse("{\"type\": \"tag\", \"operator\": \"hasAny\", \"value\": [\"webinar\"]}"))));
        assertThat(here.get("count").asLong()).isEqualTo(people.stream().filter(p -> p.tags().contains("webinar")).count());
    }

    @Test
    void theConditionCatalogDescribesTheLanguageAndThisLocationsFields() {
        JsonNode catalog = ok(api.get(location.path("segments/conditions")));
        assertThat(catalog.get("types").findValuesAsText("type")).contains("field", "customField", "tag", "dnd", "opportunity", "workflow");
        assertThat(catalog.get("customFields").findValuesAsText("field")).contains("seats", "plan", "renewal");
        assertThat(catalog.get("schema").get("oneOf").size()).isGreaterThanOrEqualTo(9);
    }

    // ---------------------------------------------------------------------------------------------

    private void expect(String filter, Predicate<Person> expected) {
        Set<String> want = people.stream().filter(expected).map(Person::id).collect(Collectors.toSet());
        JsonNode preview = ok(api.postJson(location.path("segments/preview"), Map.of("filter", parse(filter))));
        assertThat(preview.get("count").asLong()).as(filter).isEqualTo(want.size());
        JsonNode segment = ok(api.postJson(location.path("segments"), JSON.createObjectNode()
                .put("name", "check " + UUID.randomUUID()).set("filter", parse(filter))));
        String id = segment.get("id").asText();
        JsonNode page = ok(api.get(location.path("segments/" + id + "/contacts?limit=500")));
        Set<String> got = new HashSet<>();
        page.get("items").forEach(item -> got.add(item.get("id").asText()));
        assertThat(got).as(filter).isEqualTo(want);
        assertThat(api.delete(location.path("segments/" + id)).status()).isEqualTo(204);
    }

    private boolean anniversaryWithin(LocalDate date, int days) {
        for (int i = 0; i <= days; i++) {
            LocalDate day = today.plusDays(i);
            if (date.getMonth() == day.getMonth() && date.getDayOfMonth() == day.getDayOfMonth()) {
                return true;
            }
            if (date.getMonthValue() == 2 && date.getDayOfMonth() == 29 && !day.isLeapYear() && day.getMonthValue() == 2
                    && day.getDayOfMonth() == 28) {
                return true;
            }
        }
        return false;
    }

    private static String field(String field, String operator, String value) {
        return "{\"type\": \"field\", \"field\": \"" + field + "\", \"operator\": \"" + operator + "\""
                + (value == null ? "" : ", \"value\": " + value) + "}";
    }

    private static String custom(String field, String operator, String value) {
        return "{\"type\": \"customField\", \"field\": \"" + field + "\", \"operator\": \"" + operator + "\""
                + (value == null ? "" : ", \"value\": " + value) + "}";
    }

    private static String span(int amount, String unit) {
        return "{\"amount\": " + amount + ", \"unit\": \"" + unit + "\"}";
    }

    private void customField(String key, String type, List<String> options) {
        ok(api.postJson(location.path("custom-fields"), Map.of("key", key, "name", key.substring(0, 1).toUpperCase(Locale.ROOT)
                + key.substring(1), "type", type, "options", options)));
    }

    private String stage(String name) {
        for (JsonNode stage : pipeline.get("stages")) {
            if (stage.get("name").asText().equals(name)) {
                return stage.get("id").asText();
            }
        }
        throw new AssertionError(name);
    }

    private static void putIf(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
        return response.body().isEmpty() ? null : response.json();
    }
}
