package dev.switchboard.acceptance.api;

import dev.switchboard.acceptance.support.EmailPlugin;
import dev.switchboard.acceptance.support.Problems;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.TestLocation;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Ugly input gets a 400 problem naming what is wrong, never a server error. */
@ExtendWith(PlatformExtension.class)
class InputLimitsIT {

    @Test
    void uglyInputsAreRefusedAsProblemsNeverServerErrors(TestLocation location) {
        ApiClient api = location.api();
        EmailPlugin.ensureInstalled(api);
        String contacts = location.path("contacts");
        Map<Response, String> refusals = new LinkedHashMap<>();
        refusals.put(api.post(contacts, "application/json", "{\"firstName\":".getBytes(StandardCharsets.UTF_8)), "JSON");
        refusals.put(api.post(contacts, "application/json", "[1,2]".getBytes(StandardCharsets.UTF_8)), "JSON");
        refusals.put(api.postJson(contacts, Map.of("firstName", "x".repeat(100_000))), "longer than 200");
        refusals.put(api.postJson(contacts, Map.of("email", "'; DROP TABLE contact; --")), "not an email address");
        refusals.put(api.postJson(contacts, Map.of("firstName", "Bobby", "tags", List.of("x'; DROP TABLE contact; --"))),
                "must be 1-63");
        refusals.put(api.get(contacts + "?limit=abc"), "limit must be a whole number");
        refusals.put(api.putJson(location.path("plugins/" + EmailPlugin.ID + "/settings"), List.of(1, 2)), "JSON object");
        refusals.put(api.putJson("agency/theme", Map.of("themeId", "../../etc/passwd")), "themeId must be one of");
        refusals.put(api.post("plugins", "application/java-archive", new byte[] {'P', 'K', 3, 4, 0, 0}), "cannot be read");

        refusals.forEach((response, reason) -> Problems.assertProblem(response, 400, reason));
        Assertions.assertThat(api.get(contacts + "?limit=500").status()).isEqualTo(200);
    }

    @Test
    void textPostgresCannotStoreIsRefusedNamingTheField(TestLocation location) {
        ApiClient api = location.api();
        EmailPlugin.ensureInstalled(api);
        String contacts = location.path("contacts");

        assertField(api.post(contacts, "application/json", json("{\"firstName\": \"Ad\\u0000a\"}")), "/firstName", "NUL");
        assertField(api.post(contacts, "application/json", json("{\"email\": \"a\\u0000@b.test\"}")), "/email", "NUL");
        assertField(api.post(contacts, "application/json", json("{\"lastName\": \"\\ud800\"}")), "/lastName", "surrogate");
        assertField(api.post(contacts, "application/json", json("{\"firstName\": \"x\", \"tags\": [\"ok\", \"b\\u0000d\"]}")),
                "/tags/1", "NUL");
        assertField(api.send("PUT", location.path("plugins/" + EmailPlugin.ID + "/settings"), "application/json",
                json("{\"host\": \"smtp\\u0000.test\", \"port\": 25}")), "/host", "NUL");
        assertField(api.post("locations", "application/json", json("{\"name\": \"\\u0000\"}")), "/name", "NUL");
    }

    @Test
    void hugeListsDeepNestingAndHugeBodiesAreRefusedQuicklyWithBoundedAnswers(TestLocation location) {
        ApiClient api = location.api();
        EmailPlugin.ensureInstalled(api);
        String contacts = location.path("contacts");
        String settings = location.path("plugins/" + EmailPlugin.ID + "/settings");

        Response manyTags = api.post(contacts, "application/json", json("{\"firstName\": \"x\", \"tags\": ["
                + "\"t\",".repeat(150_000) + "\"t\"]}"));
        assertField(manyTags, "/tags", "more than 10000 elements");
        Problems.assertProblem(api.post(contacts, "application/json", json("{\"firstName\": \"x\", \"tags\": ["
                + "\"tag\",".repeat(2_000_000) + "\"tag\"]}")), 413, "larger than");
        assertField(api.post(contacts, "application/json", json("{\"firstName\": \"x\", \"tags\": ["
                + "\"t\",".repeat(150) + "\"t\"]}")), "/tags", "at most 100 tags");

        StringBuilder keys = new StringBuilder("{");
        for (int i = 0; i < 9_000; i++) {
            keys.append("\"unknown-").append(i).append("\": \"x\",");
        }
        Response manyKeys = api.send("PUT", settings, "application/json", json(keys.append("\"host\": \"h\"}").toString()));
        Problems.assertProblem(manyKeys, 400, "at most 200 settings");
        Assertions.assertThat(manyKeys.body().length()).as("the answer to 9,000 unknown keys").isLessThan(4_000);
        Response tooManyKeys = api.send("PUT", settings, "application/json", json("{" + "\"k\": 1,".repeat(500_000) + "\"k\": 1}"));
        Problems.assertProblem(tooManyKeys, 413, "larger than");
        Assertions.assertThat(tooManyKeys.body().length()).isLessThan(4_000);

        Problems.assertProblem(api.post(contacts, "application/json", json("[".repeat(100) + "]".repeat(100))), 400,
                "nested deeper than 32");
        Problems.assertProblem(api.post(location.path("workflows"), "application/xml", json("""
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">"""
                + "<extensionElements>".repeat(10_000) + "</definitions>")), 400, "nested deeper than 40");
    }

    @Test
    void nulAndOtherUnstorableTextInPathsAndQueriesIsAClientErrorNeverAServerError(TestLocation location) {
        ApiClient api = location.api();
        List<Response> answers = List.of(
                api.get(location.path("workflows/bad%00key")),
                api.get(location.path("workflows/bad%00key/bpmn")),
                api.get(location.path("workflow-runs?contactId=a%00b&workflow=w%00")),
                api.get(location.path("workflow-runs/run%00id")),
                api.get(location.path("contacts/%00")),
                api.get(location.path("contacts?limit=%00")),
                api.get("plugins/plugin%00id"),
                api.get("problems/%00"));

        // a NUL in the path is refused by the HTTP server before the request reaches the platform: a bare 400
        Assertions.assertThat(answers).allSatisfy(answer -> {
            Assertions.assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
            Assertions.assertThat(answer.isProblem() || answer.body().isEmpty()).as(answer.toString()).isTrue();
        });
        Assertions.assertThat(answers.get(2).isProblem()).as("a NUL in a query reaches the platform: a problem").isTrue();
    }

    private static void assertField(Response response, String pointer, String reason) {
        Problems.assertProblem(response, 400, reason);
        Assertions.assertThat(response.json().get("errors")).anySatisfy(error -> {
            Assertions.assertThat(error.get("pointer").asText()).isEqualTo(pointer);
            Assertions.assertThat(error.get("detail").asText()).contains(reason);
        });
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
