package dev.switchboard.acceptance.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.switchboard.acceptance.support.EmailPlugin;
import dev.switchboard.acceptance.support.Mailbox;
import dev.switchboard.acceptance.support.Problems;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.TestLocation;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Custom values through the API, and as merge fields of a workflow's email. */
@ExtendWith(PlatformExtension.class)
class CustomValuesApiIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @Test
    void aCustomValueIsCreatedListedChangedAndDeleted(TestLocation location) {
        ApiClient api = location.api();
        String values = location.path("custom-values");
        JsonNode created = ok(api.postJson(values, Map.of("key", "support_email", "name", " Support email ",
                "value", " help@engines.example ")), 201);
        String id = created.get("id").asText();
        assertThat(created.get("key").asText()).isEqualTo("support_email");
        assertThat(created.get("name").asText()).isEqualTo("Support email");
        assertThat(created.get("value").asText()).as("a value is kept as written").isEqualTo(" help@engines.example ");
        assertThat(ok(api.get(values + "/" + id), 200)).isEqualTo(created);
        JsonNode empty = ok(api.postJson(values, Map.of("key", "a_placeholder", "name", "Not yet known")), 201);
        assertThat(empty.get("value").asText()).isEmpty();
        assertThat(keys(api.get(values))).containsSubsequence("a_placeholder", "support_email");

        JsonNode changed = ok(api.patchJson(values + "/" + id, Map.of("value", "support@engines.example")), 200);
        assertThat(changed.get("value").asText()).isEqualTo("support@engines.example");
        assertThat(changed.get("key").asText()).isEqualTo("support_email");
        JsonNode renamed = ok(api.patchJson(values + "/" + id, Map.of("key", "help_email")), 200);
        assertThat(renamed.get("key").asText()).isEqualTo("help_email");
        assertThat(renamed.get("value").asText()).isEqualTo("support@engines.example");
        assertThat(keys(api.get(values))).contains("help_email").doesNotContain("support_email");

        Problems.assertProblem(api.postJson(values, Map.of("key", "help_email", "name", "Twice")), 409, "help_email");
        Problems.assertProblem(api.patchJson(values + "/" + empty.get("id").asText(), Map.of("key", "help_email")), 409,
                "help_email");
        assertThat(ok(api.get(values + "/" + empty.get("id").asText()), 200).get("key").asText()).isEqualTo("a_placeholder");

        assertThat(api.delete(values + "/" + id).status()).isEqualTo(204);
        Problems.assertProblem(api.get(values + "/" + id), 404, "custom value");
        assertThat(ok(api.postJson(values, Map.of("key", "help_email", "name", "Again")), 201).get("key").asText())
                .as("a deleted value's key is free again").isEqualTo("help_email");
    }

    @Test
    void badInputIsAProblemNamingTheField(TestLocation location) {
        ApiClient api = location.api();
        String values = location.path("custom-values");
        Problems.assertFieldError(api.postJson(values, Map.of("name", "No key")), "/key", "required");
        Problems.assertFieldError(api.postJson(values, Map.of("key", "Company Name", "name", "X")), "/key", "lower-case");
        Problems.assertFieldError(api.postJson(values, Map.of("key", "1st", "name", "X")), "/key", "starting with a letter");
        Problems.assertFieldError(api.postJson(values, Map.of("key", "k" + "x".repeat(63), "name", "X")), "/key", "1-63");
        Problems.assertFieldError(api.postJson(values, Map.of("key", 7, "name", "X")), "/key", "string");
        Problems.assertFieldError(api.postJson(values, Map.of("key", "no_name")), "/name", "required");
        Problems.assertFieldError(api.postJson(values, Map.of("key", "long_name", "name", "x".repeat(101))), "/name",
                "longer than 100");
        Problems.assertFieldError(api.postJson(values, Map.of("key", "long_value", "name", "X", "value", "x".repeat(10_001))),
                "/value", "longer than 10000");
        assertThat(api.postJson(values, Map.of("key", "longest_value", "name", "X", "value", "x".repeat(10_000))).status())
                .isEqualTo(201);
        Problems.assertFieldError(api.postJson(values, Map.of("key", "number", "name", "X", "value", 42)), "/value", "string");
        Problems.assertFieldError(api.postJson(values, Map.of("key", "nul", "name", "X", "value", "a\u0000b")), "/value", "NUL");
        Problems.assertFieldError(api.postJson(values, Map.of("key", "extra", "name", "X", "secret", true)), "/secret",
                "unknown field");
        Problems.assertFieldError(api.postJson(values, Map.of("key", "dated", "name", "X", "createdAt", "2020-01-01T00:00:00Z")),
                "/createdAt", "cannot be written");
        String id = ok(api.postJson(values, Map.of("key", "kept", "name", "Kept", "value", "as it was")), 201).get("id").asText();
        Map<String, Object> noName = new HashMap<>();
        noName.put("name", null);
        Problems.assertFieldError(api.patchJson(values + "/" + id, noName), "/name", "required");
        Problems.assertFieldError(api.patchJson(values + "/" + id, Map.of("key", "Not A Key")), "/key", "lower-case");
        assertThat(ok(api.get(values + "/" + id), 200).get("value").asText()).isEqualTo("as it was");
        assertThat(keys(api.get(values))).doesNotContain("long_value", "number", "nul", "extra", "dated");

        Response otherLocation = api.postJson("locations", Map.of("name", "CustomValuesApiIT elsewhere"));
        assertThat(otherLocation.status()).as(otherLocation.body()).isEqualTo(201);
        String other = otherLocation.json().get("id").asText();
        String foreign = ok(api.postJson("locations/" + other + "/custom-values", Map.of("key", "kept", "name", "Theirs")), 201)
                .get("id").asText();
        Problems.assertProblem(api.get(values + "/" + foreign), 404, "custom value");
        Problems.assertProblem(api.patchJson(values + "/" + foreign, Map.of("value", "mine")), 404, "custom value");
        Problems.assertProblem(api.delete(values + "/" + foreign), 404, "custom value");
        Problems.assertProblem(api.get(values + "/" + UUID.randomUUID()), 404, "custom value");
        assertThat(ok(api.get("locations/" + other + "/custom-values/" + foreign), 200).get("value").asText()).isEmpty();
    }

    @Test
    void aWorkflowEmailUsesTheLocationsCustomValues(TestLocation location) throws Exception {
        ApiClient api = location.api();
        Scenario scenario = new Scenario(location);
        EmailPlugin.ensureInstalled(api);
        EmailPlugin.useSmtp(location, SMTP.getSmtp().getPort());
        ok(api.postJson(location.path("custom-values"), Map.of("key", "company_name", "name", "Company name",
                "value", "Analytical Engines")), 201);
        ok(api.postJson(location.path("custom-values"), Map.of("key", "booking_link", "name", "Booking link",
                "value", "https://engines.example/book")), 201);
        scenario.deployFixture(CustomValuesApiIT.class, "on-task-completed");
        String ada = scenario.contact("Ada", "ada.values@example.com");
        String task = ok(api.postJson(location.path("contacts/" + ada + "/tasks"), Map.of("title", "Quote")), 201)
                .get("id").asText();

        ok(api.patchJson(location.path("contacts/" + ada + "/tasks/" + task), Map.of("completed", true)), 200);

        JsonNode run = scenario.endedRuns(ada, 1, Duration.ofSeconds(60)).get(0);
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("COMPLETED");
        List<MimeMessage> messages = Mailbox.messagesTo(SMTP, "ada.values@example.com");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).getSubject()).isEqualTo("Hello from Analytical Engines");
        assertThat(((String) messages.get(0).getContent()).replace("\r\n", "\n")).startsWith(
                "Hi Ada, your request is done. Book again at https://engines.example/book.\nRegards");
    }

    private static JsonNode ok(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json();
    }

    private static List<String> keys(Response list) {
        List<String> keys = new ArrayList<>();
        ok(list, 200).forEach(value -> keys.add(value.get("key").asText()));
        return keys;
    }
}
