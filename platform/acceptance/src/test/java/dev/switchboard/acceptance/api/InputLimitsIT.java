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
}
