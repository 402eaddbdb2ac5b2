package dev.switchboard.acceptance.workflows;

import static dev.switchboard.acceptance.support.Scenario.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.Problems;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.TestLocation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A run that failed for good is an incident a user deals with through the API: retried once the cause
 * is fixed, its failed step skipped, or cancelled; and nothing else is done to a run that is not one.
 */
@ExtendWith(PlatformExtension.class)
class IncidentsIT {

    private static final Duration SOON = Duration.ofSeconds(60);

    private static Scenario scenario;
    private static TestLocation location;

    @BeforeAll
    static void setUp(TestLocation testLocation) {
        location = testLocation;
        scenario = new Scenario(location);
        for (String fixture : List.of("set-plan", "set-tier", "broken-gateway", "two-branches")) {
            scenario.deployFixture(IncidentsIT.class, fixture);
        }
    }

    @Test
    void aFailedStepIsRetriedOnceItsCauseIsFixedAndTheRunGoesOn() {
        String contact = scenario.contact("Rita", "rita.retry@example.com");
        scenario.tag(contact, "incident-retry");
        JsonNode failed = scenario.endedRuns(contact, 1, SOON).get(0);
        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        JsonNode incident = failed.get("incident");
        assertThat(incident.get("kind").asText()).isEqualTo("STEP");
        assertThat(incident.get("activityId").asText()).isEqualTo("set");
        assertThat(incident.get("actionId").asText()).isEqualTo("contact.update_field");
        assertThat(incident.get("error").asText()).contains("plan");
        assertThat(incident.get("canRetry").asBoolean()).isTrue();
        assertThat(incident.get("canSkip").asBoolean()).isTrue();

        ok(api().postJson(location.path("custom-fields"), Map.of("key", "plan", "name", "Plan", "type", "text")));
        JsonNode retried = ok(api().post(location.path("workflow-runs/" + id(failed) + "/retry")));
        assertThat(retried.get("state").asText()).isEqualTo("RUNNING");
        assertThat(retried.has("incident")).isFalse();

        JsonNode done = scenario.endedRuns(contact, 1, SOON).get(0);
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.has("error")).isFalse();
        assertThat(step(done, "set").get("status").asText()).isEqualTo("COMPLETED");
        assertThat(step(done, "set").get("attempts").asInt()).as("three failed attempts, then the one that worked")
                .isEqualTo(4);
        JsonNode after = api().get(location.path("contacts/" + contact)).json();
        assertThat(after.get("customFields").get("plan").asText()).isEqualTo("gold");
        assertThat(scenario.tags(contact)).contains("after-incident-retry");
        Problems.assertProblem(api().post(location.path("workflow-runs/" + id(done) + "/retry")), 409, "COMPLETED");
    }

    @Test
    void aSkippedStepLetsTheRunGoOnWithoutIt() {
        String contact = scenario.contact("Sam", "sam.skip@example.com");
        scenario.tag(contact, "incident-skip");
        JsonNode failed = scenario.endedRuns(contact, 1, SOON).get(0);
        assertThat(failed.get("state").asText()).isEqualTo("FAILED");

        JsonNode skipped = ok(api().post(location.path("workflow-runs/" + id(failed) + "/skip")));
        assertThat(skipped.get("state").asText()).isEqualTo("RUNNING");

        JsonNode done = scenario.endedRuns(contact, 1, SOON).get(0);
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        JsonNode set = step(done, "set");
        assertThat(set.get("status").asText()).isEqualTo("SKIPPED");
        assertThat(set.get("summary").asText()).startsWith("skipped by ");
        assertThat(set.get("error").asText()).as("why it had failed stays in the log").contains("tier");
        assertThat(step(done, "after").get("status").asText()).isEqualTo("COMPLETED");
        assertThat(scenario.tags(contact)).contains("after-incident-skip");
        Problems.assertProblem(api().post(location.path("workflow-runs/" + id(done) + "/skip")), 409, "only a failed run");
    }

    @Test
    void skippingARunWhoseTwoParallelBranchesFailedSkipsBothAndTheJoinGoesOn() {
        String contact = scenario.contact("Par", "par.branches@example.com");
        scenario.tag(contact, "two-branches");
        JsonNode failed = scenario.awaitRuns(contact, SOON, runs -> runs.size() == 1
                && "FAILED".equals(runs.get(0).get("state").asText())
                && Scenario.steps(scenario.run(runs.get(0).get("id").asText()), "left").stream()
                        .anyMatch(step -> "FAILED".equals(step.get("status").asText()))
                && Scenario.steps(scenario.run(runs.get(0).get("id").asText()), "right").stream()
                        .anyMatch(step -> "FAILED".equals(step.get("status").asText()))).get(0);

        ok(api().post(location.path("workflow-runs/" + id(failed) + "/skip")));

        JsonNode done = scenario.endedRuns(contact, 1, SOON).get(0);
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(step(done, "left").get("status").asText()).isEqualTo("SKIPPED");
        assertThat(step(done, "right").get("status").asText()).isEqualTo("SKIPPED");
        assertThat(scenario.tags(contact)).contains("joined");
    }

    @Test
    void aFailedRunCanBeCancelledOnceAndThenNothingElse() {
        String contact = scenario.contact("Cara", "cara.cancel@example.com");
        scenario.tag(contact, "incident-skip");
        JsonNode failed = scenario.endedRuns(contact, 1, SOON).get(0);

        JsonNode cancelled = ok(api().post(location.path("workflow-runs/" + id(failed) + "/cancel")));

        assertThat(cancelled.get("state").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.has("endedAt")).isTrue();
        Problems.assertProblem(api().post(location.path("workflow-runs/" + id(failed) + "/cancel")), 409, "CANCELLED");
        Problems.assertProblem(api().post(location.path("workflow-runs/" + id(failed) + "/retry")), 409, "CANCELLED");
        assertThat(scenario.tags(contact)).doesNotContain("after-incident-skip");
    }

    @Test
    void aParkedEngineJobIsRetriedButCannotBeSkipped() {
        String contact = scenario.contact("Jo", "jo.job@example.com");
        scenario.tag(contact, "incident-job");
        JsonNode failed = scenario.endedRuns(contact, 1, SOON).get(0);
        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        JsonNode incident = failed.get("incident");
        assertThat(incident.get("kind").asText()).isEqualTo("JOB");
        assertThat(incident.get("canSkip").asBoolean()).isFalse();
        assertThat(incident.get("error").asText()).contains("missingScore");
        Problems.assertProblem(api().post(location.path("workflow-runs/" + id(failed) + "/skip")), 409, "no step to skip");

        JsonNode retried = ok(api().post(location.path("workflow-runs/" + id(failed) + "/retry")));
        assertThat(retried.get("state").asText()).isEqualTo("RUNNING");

        // the condition still names a variable the run lacks: the job fails its tries again and is parked again
        JsonNode again = scenario.endedRuns(contact, 1, SOON).get(0);
        assertThat(again.get("state").asText()).isEqualTo("FAILED");
        assertThat(again.get("incident").get("kind").asText()).isEqualTo("JOB");
    }

    @Test
    void anotherLocationsRunsAndUnknownRunsAreNotFound() {
        String contact = scenario.contact("Otto", "otto.other@example.com");
        scenario.tag(contact, "incident-skip");
        String run = id(scenario.endedRuns(contact, 1, SOON).get(0));
        String other = api().postJson("locations", Map.of("name", "Other incidents location")).json().get("id").asText();

        for (String action : List.of("retry", "skip", "cancel")) {
            Problems.assertProblem(api().post("locations/" + other + "/workflow-runs/" + run + "/" + action), 404, run);
            Problems.assertProblem(api().post(location.path("workflow-runs/no-such-run/" + action)), 404, "no-such-run");
        }
        assertThat(scenario.run(run).get("state").asText()).as("untouched by the other location's calls")
                .isEqualTo("FAILED");
    }

    private static ApiClient api() {
        return location.api();
    }

    private static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response.json();
    }

    private static String id(JsonNode run) {
        return run.get("id").asText();
    }
}
