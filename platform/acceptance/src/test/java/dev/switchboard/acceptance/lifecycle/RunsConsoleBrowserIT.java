package dev.switchboard.acceptance.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.CrmBrowserScript;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's Runs page in a real browser (see modeler-ui/e2e/runs.browser.test.mjs): three runs of a
 * workflow that fails at its first step are found as incidents; one is read step by step and its step
 * skipped, one is cancelled from its contact's runs, and a read-only user sees the third with nothing to
 * act with. Then the API shows what the browser did.
 */
@ExtendWith(PlatformExtension.class)
class RunsConsoleBrowserIT {

    @Test
    void incidentsAreFoundSkippedAndCancelledInTheBrowserAndAReadOnlyUserOnlyLooks(RunningPlatform platform,
                                                                                 TestLocation location)
            throws Exception {
        ApiClient api = location.api();
        CrmBrowserScript.run(platform, location, "runs.browser.test.mjs");

        List<String> states = new ArrayList<>();
        api.get(location.path("workflow-runs")).json().forEach(run -> states.add(run.get("state").asText()));
        assertThat(states).containsExactlyInAnyOrder("COMPLETED", "CANCELLED", "FAILED");
        JsonNode failed = api.get(location.path("workflow-runs?state=FAILED")).json();
        assertThat(failed).hasSize(1);
        JsonNode incident = api.get(location.path("workflow-runs/" + failed.get(0).get("id").asText())).json().get("incident");
        assertThat(incident.get("activityId").asText()).as("the read-only user left it as it was").isEqualTo("setPlan");
        for (String screenshot : List.of("runs-01-incident.png", "runs-02-skipped.png", "runs-03-cancel-confirm.png",
                "runs-04-cancelled.png", "runs-05-read-only.png")) {
            assertThat(CrmBrowserScript.screenshots().resolve(screenshot)).exists();
        }
        assertThat(api.get(location.path("workflow-runs?state=bogus")).status()).isEqualTo(400);
    }
}
