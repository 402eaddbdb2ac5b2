package dev.switchboard.acceptance.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.Problems;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each kind of error is an RFC 9457 problem with its documented type, and the type describes itself. */
@ExtendWith(PlatformExtension.class)
class ProblemDocumentsIT {

    @Test
    void eachKindOfErrorHasItsTypeTitleStatusDetailAndInstance(RunningPlatform platform, TestLocation location) {
        ApiClient api = location.api();
        ApiClient anonymous = ApiClient.anonymous(platform.baseUri());
        String contacts = location.path("contacts");

        Response invalid = api.postJson(contacts, Map.of("email", "not-an-address"));
        assertKind(invalid, 400, "validation", "/email");
        assertThat(invalid.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/email");
        assertThat(invalid.json().get("instance").asText()).isEqualTo("/api/v1/" + contacts);

        assertKind(api.post(contacts, "application/json", "{\"firstName\":".getBytes(StandardCharsets.UTF_8)), 400,
                "malformed-request", "not valid JSON");
        Response unauthorized = anonymous.get(contacts);
        assertKind(unauthorized, 401, "unauthorized", "Authorization");
        assertKind(api.get(location.path("contacts/" + UUID.randomUUID())), 404, "not-found", "does not exist");
        assertKind(api.get("locations/" + UUID.randomUUID() + "/contacts"), 404, "not-found", "location");
        assertKind(api.send("DELETE", "me", null, null), 405, "method-not-allowed", "not allowed");
        assertKind(api.post(contacts, "text/plain", "firstName=Ada".getBytes(StandardCharsets.UTF_8)), 415,
                "unsupported-media-type", "content type");
        assertKind(api.post(contacts, "application/json", ("{\"firstName\": \"" + "x".repeat(1_100_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8)), 413, "payload-too-large", "larger than");

        String email = "dup-" + UUID.randomUUID() + "@problems.test";
        Map<String, Object> user = Map.of("email", email, "password", "dup-password",
                "locationRoles", Map.of(location.id(), "READ_ONLY"));
        String agency = api.get("me").json().get("agency").get("id").asText();
        assertThat(api.postJson("agencies/" + agency + "/users", user).status()).isEqualTo(201);
        assertKind(api.postJson("agencies/" + agency + "/users", user), 409, "conflict", "exists");

        ApiClient readOnly = ApiClient.login(platform.baseUri(), email, "dup-password");
        assertKind(readOnly.postJson(contacts, Map.of("firstName", "Ada")), 403, "forbidden", "location.contacts");
    }

    @Test
    void everyProblemTypeIsDescribedAtItsAddress(RunningPlatform platform) {
        ApiClient anonymous = ApiClient.anonymous(platform.baseUri());

        JsonNode kinds = anonymous.get("problems").json();

        assertThat(kinds).extracting(kind -> kind.get("type").asText()).contains("/api/v1/problems/validation",
                "/api/v1/problems/not-found", "/api/v1/problems/invalid-bpmn", "/api/v1/problems/too-many-requests");
        for (JsonNode kind : kinds) {
            Response described = anonymous.get(kind.get("type").asText().substring("/api/v1/".length()));
            assertThat(described.status()).isEqualTo(200);
            assertThat(described.json().get("description").asText()).isNotBlank();
        }
        assertKind(anonymous.get("problems/no-such-kind"), 404, "not-found", "problem type");
    }

    private static void assertKind(Response response, int status, String type, String detail) {
        Problems.assertProblem(response, status, detail);
        assertThat(response.json().get("type").asText()).isEqualTo("/api/v1/problems/" + type);
    }
}
