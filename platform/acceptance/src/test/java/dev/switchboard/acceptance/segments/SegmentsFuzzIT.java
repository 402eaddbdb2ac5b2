package dev.switchboard.acceptance.segments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.TestLocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 1,500 random and hostile filters sent to the segment preview, which compiles and runs each:
 * no answer is a server error, and every refusal is a problem whose errors point into the filter sent.
 */
@ExtendWith(PlatformExtension.class)
class SegmentsFuzzIT {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TYPES = List.of("field", "customField", "tag", "dnd", "opportunity", "workflow", "sql");
    private static final List<String> FIELDS = List.of("firstName", "email", "phone", "createdAt", "updatedAt", "dateOfBirth",
            "assignedTo", "city", "c.id", "password_hash");
    private static final List<String> KEYS = List.of("seats", "budget", "renewal", "plan", "channels", "nickname", "vip", "nope");
    private static final List<String> OPERATORS = List.of("equals", "notEquals", "contains", "notContains", "startsWith", "in", "notIn",
            "isEmpty", "isNotEmpty", "greater", "greaterOrEqual", "less", "lessOrEqual", "between", "before", "after", "inLast",
            "inNext", "moreThanAgo", "anniversaryInNext", "hasAny", "hasAll", "hasNone", "entered", "completed", "notEntered",
            "notCompleted", "OR 1=1");
    private static final List<String> HOSTILE = List.of("'; DROP TABLE contact; --", "\" OR 1=1 --", "%_\\", "a\u0000b",
            "x".repeat(1500), "\ud800", ") OR (TRUE", "$1", "?", "::text", "/*", "\u202e", "😀", "", " ", "null",
            "00000000-0000-0000-0000-000000000000", "9999-99-99", "1e400", "-0");

    @Test
    void randomAndHostileFiltersNeverFailTheServer(TestLocation location) throws Exception {
        ApiClient api = location.api();
        for (String[] field : new String[][] {{"seats", "number"}, {"budget", "money"}, {"renewal", "date"}, {"nickname", "text"},
                {"vip", "checkbox"}}) {
            assertThat(api.postJson(location.path("custom-fields"), Map.of("key", field[0], "name", field[0], "type", field[1])).status())
                    .isEqualTo(201);
        }
        assertThat(api.postJson(location.path("custom-fields"), Map.of("key", "plan", "name", "plan", "type", "singleOption",
                "options", List.of("silver", "gold"))).status()).isEqualTo(201);
        assertThat(api.postJson(location.path("custom-fields"), Map.of("key", "channels", "name", "channels", "type", "multipleOptions",
                "options", List.of("sms", "email"))).status()).isEqualTo(201);
        for (int i = 0; i < 20; i++) {
            api.postJson(location.path("contacts"), Map.of("firstName", "Fuzz" + i, "tags", List.of("t" + (i % 3)),
                    "customFields", Map.of("seats", i, "plan", i % 2 == 0 ? "gold" : "silver", "renewal", "2026-0" + (1 + i % 9) + "-1" + (i % 10))));
        }
        Random random = new Random(424242);
        int accepted = 0;
        int refused = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            JsonNode filter = node(random, 0);
            byte[] body;
            if (i % 100 == 99) {
                // now and then not even JSON, or JSON of the wrong shape
                body = List.of("{\"filter\": ", "{\"filter\": {\"all\": [}", "[1,2]", "{\"filter\": {\"all\": []}, \"x\": 1}", "\u0000")
                        .get(random.nextInt(5)).getBytes(StandardCharsets.UTF_8);
            } else {
                body = JSON.writeValueAsBytes(Map.of("filter", filter));
            }
            Response answer = api.post(location.path("segments/preview"), "application/json", body);
            if (answer.status() >= 500) {
                failures.add(answer.status() + " for " + new String(body, StandardCharsets.UTF_8) + ": " + answer.body());
                continue;
            }
            if (answer.status() == 200) {
                accepted++;
                continue;
            }
            refused++;
            assertThat(answer.status()).as(answer.body()).isIn(400, 413, 415, 422);
            assertThat(answer.isProblem()).isTrue();
            JsonNode errors = answer.json().get("errors");
            if (errors != null && i % 100 != 99) {
                for (JsonNode error : errors) {
                    String pointer = error.path("pointer").asText("");
                    assertThat(pointer).as(answer.body()).startsWith("/filter");
                    String inFilter = pointer.substring("/filter".length());
                    boolean found = inFilter.isEmpty() || !filter.at(inFilter).isMissingNode()
                            || !filter.at(inFilter.substring(0, inFilter.lastIndexOf('/'))).isMissingNode();
                    assertThat(found).as(pointer + " in " + filter).isTrue();
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(accepted).isGreaterThan(50);
        assertThat(refused).isGreaterThan(500);
    }

    private static JsonNode node(Random random, int depth) {
        int pick = random.nextInt(depth > 3 ? 8 : 12);
        if (pick >= 8) {
            ArrayNode parts = NODES.arrayNode();
            for (int i = random.nextInt(4); i > 0; i--) {
                parts.add(node(random, depth + 1));
            }
            ObjectNode group = NODES.objectNode();
            switch (pick) {
                case 8 -> group.set("all", parts);
                case 9 -> group.set("any", parts);
                case 10 -> group.set("not", node(random, depth + 1));
                default -> {
                    group.set("all", parts);
                    group.put("type", "tag");
                }
            }
            return group;
        }
        if (pick == 7) {
            return value(random);
        }
        ObjectNode condition = NODES.objectNode();
        String type = one(random, TYPES);
        condition.put("type", type);
        switch (type) {
            case "field" -> condition.put("field", one(random, FIELDS));
            case "customField" -> condition.put("field", random.nextInt(10) == 0 ? one(random, HOSTILE) : one(random, KEYS));
            case "dnd" -> condition.put("channel", one(random, List.of("all", "any", "sms", "fax")));
            case "workflow" -> condition.put("workflow", random.nextBoolean() ? "welcome" : one(random, HOSTILE));
            case "opportunity" -> {
                if (random.nextBoolean()) {
                    condition.put("status", one(random, List.of("open", "won", "WON", "'")));
                }
                if (random.nextInt(4) == 0) {
                    condition.put("pipeline", one(random, HOSTILE));
                }
            }
            default -> {
            }
        }
        if (random.nextInt(10) > 0) {
            condition.put("operator", one(random, OPERATORS));
        }
        if (random.nextInt(5) > 0) {
            condition.set(type.equals("workflow") && random.nextBoolean() ? "within" : "value", value(random));
        }
        if (random.nextInt(15) == 0) {
            condition.set(one(random, HOSTILE), value(random));
        }
        return condition;
    }

    private static JsonNode value(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.textNode(one(random, HOSTILE));
            case 1 -> NODES.numberNode(random.nextInt(2000) - 1000);
            case 2 -> NODES.numberNode(new java.math.BigDecimal("1e" + (random.nextInt(40) - 5)));
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.nullNode();
            case 5 -> NODES.textNode((1890 + random.nextInt(250)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10));
            case 6 -> NODES.arrayNode().add(random.nextInt(100)).add(random.nextInt(100));
            case 7 -> NODES.arrayNode().add("2026-01-01").add(random.nextBoolean() ? "2025-01-01" : "2027-12-31");
            case 8 -> NODES.objectNode().put("amount", random.nextInt(50000) - 100)
                    .put("unit", one(random, List.of("days", "weeks", "months", "years", "eons")));
            case 9 -> {
                ArrayNode list = NODES.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    list.add(random.nextBoolean() ? one(random, HOSTILE) : one(random, List.of("silver", "gold", "sms", "t1")));
                }
                yield list;
            }
            case 10 -> NODES.objectNode().put("operator", one(random, OPERATORS)).put("value", random.nextInt(10));
            default -> NODES.textNode(one(random, List.of("silver", "GOLD", "ada@example.com", "+1 415 555 0100", "2026-11-27")));
        };
    }

    private static String one(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
