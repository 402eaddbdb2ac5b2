package dev.switchboard.acceptance.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.TestLocation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A location sees none of another location's contacts, workflows or runs, and cannot act on them. */
@ExtendWith(PlatformExtension.class)
class TenantIsolationIT {

    @Test
    void anotherLocationSeesNoneOfThisLocationsData(TestLocation location) {
        ApiClient api = location.api();
        Scenario scenario = new Scenario(location);
        scenario.deployFixture(TenantIsolationIT.class, "on-contact-created");
        String ada = scenario.contact("Ada", "ada.isolated@example.com");
        String run = scenario.endedRuns(ada, 1, Duration.ofSeconds(60)).get(0).get("id").asText();
        String other = api.postJson("locations", Map.of("name", "Second location")).json().get("id").asText();

        assertThat(api.get("locations/" + other + "/contacts/" + ada).status()).isEqualTo(404);
        assertThat(api.postJson("locations/" + other + "/contacts/" + ada + "/tags", Map.of("tag", "lead")).status())
                .isEqualTo(404);
        assertThat(api.get("locations/" + other + "/contacts").json().get("items")).isEmpty();
        assertThat(api.get("locations/" + other + "/workflows").json()).isEmpty();
        assertThat(api.get("locations/" + other + "/workflow-runs").json()).isEmpty();
        assertThat(api.get("locations/" + other + "/workflow-runs/" + run).status()).isEqualTo(404);
        assertThat(api.get("locations/" + UUID.randomUUID() + "/contacts").status()).isEqualTo(404);
        assertThat(api.get("locations/" + URLEncoder.encode("' OR 1=1 --", StandardCharsets.UTF_8) + "/contacts")
                .status()).isEqualTo(404);
    }

    @Test
    void aCallActivityFindsWorkflowsOfItsOwnLocationOnly(TestLocation location) {
        ApiClient api = location.api();
        new Scenario(location).deployFixture(TenantIsolationIT.class, "called");
        String other = api.postJson("locations", Map.of("name", "Calling location")).json().get("id").asText();
        Scenario caller = new Scenario(new TestLocation(api, other, "Calling location"));
        caller.deployFixture(TenantIsolationIT.class, "caller");

        JsonNode refused = caller.endedRuns(caller.contact("Cal", "cal.isolated@example.com"), 1, Duration.ofSeconds(60)).get(0);

        assertThat(refused.get("state").asText()).isEqualTo("FAILED");
        assertThat(refused.get("error").asText()).contains("isolated-called");

        caller.deployFixture(TenantIsolationIT.class, "called");
        JsonNode own = caller.endedRuns(caller.contact("Cy", "cy.isolated@example.com"), 1, Duration.ofSeconds(60)).get(0);
        assertThat(own.get("state").asText()).as("the same call, with the workflow in the caller's location")
                .isEqualTo("COMPLETED");
    }
}
