package dev.switchboard.acceptance.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.Problems;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Custom fields: definitions, values checked by type on every write, renames that keep values, guarded
 * deletes. The tests of this class share one location, so each uses keys of its own.
 */
@ExtendWith(PlatformExtension.class)
class CustomFieldsApiIT {

    @Test
    void everyTypeChecksAndNormalisesItsValues(TestLocation location, RunningPlatform platform) throws Exception {
        ApiClient api = location.api();
        field(api, location, Map.of("key", "nickname", "name", "Nickname", "type", "text"));
        field(api, location, Map.of("key", "bio", "name", "Biography", "type", "largeText"));
        field(api, location, Map.of("key", "employees", "name", "Employees", "type", "number"));
        field(api, location, Map.of("key", "budget", "name", "Budget", "type", "money"));
        field(api, location, Map.of("key", "renewal", "name", "Renewal", "type", "date"));
        field(api, location, Map.of("key", "vip", "name", "VIP", "type", "checkbox"));
        field(api, location, Map.of("key", "plan", "name", "Plan", "type", "singleOption", "options", List.of("silver", "gold")));
        field(api, location, Map.of("key", "channels", "name", "Channels", "type", "multipleOptions",
                "options", List.of("sms", "email", "call")));
        field(api, location, Map.of("key", "office_phone", "name", "Office phone", "type", "phone"));
        field(api, location, Map.of("key", "billing_email", "name", "Billing email", "type", "email"));
        field(api, location, Map.of("key", "portfolio", "name", "Portfolio", "type", "url"));

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("nickname", "Countess");
        values.put("bio", "Wrote the first program.");
        values.put("employees", 12);
        values.put("budget", 5000.5);
        values.put("renewal", "2027-01-31");
        values.put("vip", true);
        values.put("plan", "gold");
        values.put("channels", List.of("email", "sms", "email"));
        values.put("office_phone", "(415) 555-0100");
        values.put("billing_email", "Billing@Engines.TEST");
        values.put("portfolio", "https://engines.test/works");
        Response created = api.postJson(location.path("contacts"), Map.of("firstName", "Ada", "customFields", values));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode custom = created.json().get("customFields");
        assertThat(custom.get("budget").decimalValue()).isEqualByComparingTo("5000.50");
        assertThat(custom.get("channels")).extracting(JsonNode::asText).containsExactly("email", "sms");
        assertThat(custom.get("office_phone").asText()).isEqualTo("+14155550100");
        assertThat(custom.get("billing_email").asText()).isEqualTo("billing@engines.test");
        assertThat(custom.get("vip").asBoolean()).isTrue();

        // the typed copy filters will use: one row per value (per option of a multipleOptions value), large text left out
        try (Connection db = platform.database(UUID.fromString(location.id()));
             PreparedStatement typed = db.prepareStatement("""
                     SELECT f.field_key, v.text_value, v.number_value, v.date_value, v.bool_value
                     FROM custom_field_value v JOIN custom_field f ON f.id = v.field_id WHERE v.owner_id = ?""")) {
            typed.setObject(1, UUID.fromString(created.json().get("id").asText()));
            Map<String, List<String>> rows = new LinkedHashMap<>();
            try (ResultSet row = typed.executeQuery()) {
                while (row.next()) {
                    String value = row.getString(2) != null ? row.getString(2) : row.getString(3) != null ? row.getString(3)
                            : row.getString(4) != null ? row.getString(4) : row.getString(5);
                    rows.computeIfAbsent(row.getString(1), key -> new java.util.ArrayList<>()).add(value);
                }
            }
            assertThat(rows).doesNotContainKey("bio");
            assertThat(rows.get("channels")).containsExactlyInAnyOrder("email", "sms");
            assertThat(rows.get("budget")).containsExactly("5000.5");
            assertThat(rows.get("renewal")).containsExactly("2027-01-31");
            assertThat(rows.get("vip")).containsExactly("t");
            assertThat(rows.get("office_phone")).containsExactly("+14155550100");
        }

        String contacts = location.path("contacts");
        Problems.assertFieldError(api.postJson(contacts, Map.of("firstName", "X", "customFields", Map.of("employees", "many"))),
                "/customFields/employees", "must be a number");
        Problems.assertFieldError(api.postJson(contacts, Map.of("firstName", "X", "customFields", Map.of("budget", 1.234))),
                "/customFields/budget", "two decimal places");
        Problems.assertFieldError(api.postJson(contacts, Map.of("firstName", "X", "customFields", Map.of("renewal", "31/01/2027"))),
                "/customFields/renewal", "date");
        Problems.assertFieldError(api.postJson(contacts, Map.of("firstName", "X", "customFields", Map.of("vip", "yes"))),
                "/customFields/vip", "true or false");
        Problems.assertFieldError(api.postJson(contacts, Map.of("firstName", "X", "customFields", Map.of("plan", "platinum"))),
                "/customFields/plan", "not one of its options");
        Problems.assertFieldError(api.postJson(contacts, Map.of("firstName", "X", "customFields", Map.of("channels", List.of("fax")))),
                "/customFields/channels/0", "not one of its options");
        Problems.assertFieldError(api.postJson(contacts, Map.of("firstName", "X", "customFields", Map.of("office_phone", "nope"))),
                "/customFields/office_phone", "phone");
        Problems.assertFieldError(api.postJson(contacts, Map.of("firstName", "X", "customFields", Map.of("billing_email", "nope"))),
                "/customFields/billing_email", "email");
        Problems.assertFieldError(api.postJson(contacts, Map.of("firstName", "X", "customFields", Map.of("portfolio", "javascript:alert(1)"))),
                "/customFields/portfolio", "http");
        Problems.assertFieldError(api.postJson(contacts, Map.of("firstName", "X", "customFields", Map.of("nickname", "x".repeat(1001)))),
                "/customFields/nickname", "longer than 1000");
    }

    @Test
    void aPatchChangesOneValueClearsAnotherAndHistoryRecordsBoth(TestLocation location) {
        ApiClient api = location.api();
        field(api, location, Map.of("key", "tier", "name", "Plan", "type", "singleOption", "options", List.of("silver", "gold")));
        field(api, location, Map.of("key", "seat_count", "name", "Seats", "type", "number"));
        String id = ContactsApiIT.create(api, location, Map.of("firstName", "Grace", "customFields", Map.of("tier", "silver", "seat_count", 3)));

        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("tier", "gold");
        custom.put("seat_count", null);
        Response patched = api.patchJson(location.path("contacts/" + id), Map.of("customFields", custom));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("customFields").get("tier").asText()).isEqualTo("gold");
        assertThat(patched.json().get("customFields").has("seat_count")).isFalse();

        JsonNode timeline = api.get(location.path("contacts/" + id + "/timeline")).json().get("items");
        assertThat(timeline).anySatisfy(item -> {
            assertThat(item.get("field").asText()).isEqualTo("customFields.tier");
            assertThat(item.get("before").asText()).isEqualTo("silver");
            assertThat(item.get("after").asText()).isEqualTo("gold");
        });
        assertThat(timeline).anySatisfy(item -> assertThat(item.path("field").asText()).isEqualTo("customFields.seat_count"));
    }

    @Test
    void renamingKeepsValuesAndDeletingAFieldWithValuesNeedsConfirmation(TestLocation location) {
        ApiClient api = location.api();
        String fieldId = field(api, location, Map.of("key", "budget", "name", "Budget", "type", "money"));
        String id = ContactsApiIT.create(api, location, Map.of("firstName", "Linus", "customFields", Map.of("budget", 100)));

        Response renamed = api.patchJson(location.path("custom-fields/" + fieldId), Map.of("key", "annual_budget", "name", "Annual budget"));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        JsonNode contact = api.get(location.path("contacts/" + id)).json();
        assertThat(contact.get("customFields").get("annual_budget").decimalValue()).isEqualByComparingTo("100");
        assertThat(contact.get("customFields").has("budget")).isFalse();

        Problems.assertProblem(api.patchJson(location.path("custom-fields/" + fieldId), Map.of("type", "text")), 400, "cannot change");
        Problems.assertProblem(api.delete(location.path("custom-fields/" + fieldId)), 409, "confirm=true");
        assertThat(api.get(location.path("contacts/" + id)).json().get("customFields").has("annual_budget")).isTrue();
        assertThat(api.delete(location.path("custom-fields/" + fieldId + "?confirm=true")).status()).isEqualTo(204);
        assertThat(api.get(location.path("contacts/" + id)).json().get("customFields").size()).isZero();
        Problems.assertProblem(api.get(location.path("custom-fields/" + fieldId)), 404, "custom field");
    }

    @Test
    void definitionsAreCheckedAndOptionsInUseCannotBeRemoved(TestLocation location) {
        ApiClient api = location.api();
        String fields = location.path("custom-fields");
        Problems.assertFieldError(api.postJson(fields, Map.of("key", "Bad Key", "name", "X", "type", "text")), "/key", "lower-case");
        Problems.assertFieldError(api.postJson(fields, Map.of("key", "x", "name", "X", "type", "colour")), "/type", "not one of");
        Problems.assertFieldError(api.postJson(fields, Map.of("key", "x", "name", "X", "type", "singleOption")), "/options", "at least one");
        Problems.assertFieldError(api.postJson(fields, Map.of("key", "x", "name", "X", "type", "text", "options", List.of("a"))),
                "/options", "only singleOption");
        Problems.assertFieldError(api.postJson(fields, Map.of("key", "x", "name", "X", "type", "singleOption",
                "options", List.of("a", "a"))), "/options/1", "twice");
        Problems.assertFieldError(api.postJson(fields, Map.of("key", "x", "type", "text")), "/name", "required");
        Problems.assertFieldError(api.postJson(fields, Map.of("key", "x", "name", "X", "type", "text", "model", "invoice")),
                "/model", "contact, opportunity or company");
        Problems.assertProblem(api.get(fields + "?model=invoice"), 400, "model");

        String packageField = field(api, location, Map.of("key", "package", "name", "Plan", "type", "singleOption", "options", List.of("a", "b")));
        Problems.assertProblem(api.postJson(fields, Map.of("key", "package", "name", "Again", "type", "text")), 409, "package");
        assertThat(api.postJson(fields, Map.of("key", "package", "name", "Opportunity plan", "type", "text", "model", "opportunity"))
                .status()).as("keys are unique per model").isEqualTo(201);
        ContactsApiIT.create(api, location, Map.of("firstName", "Uses", "customFields", Map.of("package", "a")));
        Problems.assertProblem(api.patchJson(location.path("custom-fields/" + packageField), Map.of("options", List.of("b"))), 409, "option");
        assertThat(api.patchJson(location.path("custom-fields/" + packageField), Map.of("options", List.of("a", "b", "c"))).status()).isEqualTo(200);

        // a required field: in a location of its own, so that the other tests' contacts need no value for it
        String other = api.postJson("locations", Map.of("name", "Required fields")).json().get("id").asText();
        assertThat(api.postJson("locations/" + other + "/custom-fields", Map.of("key", "source_detail", "name", "Source detail",
                "type", "text", "required", true)).status()).isEqualTo(201);
        Problems.assertFieldError(api.postJson("locations/" + other + "/contacts", Map.of("firstName", "No detail")),
                "/customFields/source_detail", "required");
        String withDetail = api.postJson("locations/" + other + "/contacts", Map.of("firstName", "Detail",
                "customFields", Map.of("source_detail", "fair"))).json().get("id").asText();
        Problems.assertFieldError(api.patchJson("locations/" + other + "/contacts/" + withDetail,
                Map.of("customFields", java.util.Collections.singletonMap("source_detail", null))), "/customFields/source_detail", "required");
        JsonNode listed = api.get(fields).json();
        assertThat(listed).extracting(f -> f.get("key").asText()).contains("package");
    }

    static String field(ApiClient api, TestLocation location, Map<String, ?> body) {
        Response created = api.postJson(location.path("custom-fields"), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }
}
