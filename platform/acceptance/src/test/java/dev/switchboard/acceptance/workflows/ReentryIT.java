package dev.switchboard.acceptance.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.Problems;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.TestLocation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who enters a workflow, and how often: its re-entry policy (every time, once ever, once per so many
 * days) for events and for starts by hand, loop protection for a workflow that starts itself, and the
 * manual start's answers to bad requests.
 */
@ExtendWith(PlatformExtension.class)
class ReentryIT {

    private static final Duration SOON = Duration.ofSeconds(60);

    private static Scenario scenario;
    private static TestLocation location;

    @BeforeAll
    static void setUp(TestLocation testLocation) {
        location = testLocation;
        scenario = new Scenario(location);
        for (String fixture : List.of("once-only", "weekly", "every-time", "loop")) {
            scenario.deployFixture(ReentryIT.class, fixture);
        }
    }

    @Test
    void theWorkflowListSaysEachPolicy() {
        JsonNode workflows = api().get(location.path("workflows")).json();
        assertThat(reentryOf(workflows, "once-only")).isEqualTo("once");
        assertThat(reentryOf(workflows, "weekly")).isEqualTo("P7D");
        assertThat(reentryOf(workflows, "every-time")).isEqualTo("always");
    }

    @Test
    void aOnceOnlyWorkflowIsEnteredOnceWhateverStartsItAgain() {
        String contact = scenario.contact("Olive", "olive.once@example.com");
        scenario.tag(contact, "once-only");
        scenario.endedRuns(contact, 1, SOON);

        assertThat(api().delete(location.path("contacts/" + contact + "/tags/once-only")).status()).isEqualTo(200);
        scenario.tag(contact, "once-only");
        Problems.assertProblem(start("once-only", contact), 409, "once ever");

        Scenario.sleep(2000); // the second tag's event has been handled by now
        assertThat(scenario.runsOf(contact)).as("the tag added again did not start it again").hasSize(1);
    }

    @Test
    void aWeeklyWorkflowIsEnteredOnceInSevenDays() {
        String contact = scenario.contact("Walt", "walt.weekly@example.com");

        ApiClient.Response first = start("weekly", contact);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("workflowKey").asText()).isEqualTo("weekly");

        Problems.assertProblem(start("weekly", contact), 409, "once per 7 day(s)");
        assertThat(scenario.endedRuns(contact, 1, SOON).get(0).get("state").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void aWorkflowWithoutAPolicyIsEnteredEveryTime() {
        String contact = scenario.contact("Eve", "eve.every@example.com");

        for (int i = 0; i < 3; i++) {
            assertThat(start("every-time", contact).status()).isEqualTo(201);
        }

        assertThat(scenario.endedRuns(contact, 3, SOON)).allMatch(run -> "COMPLETED".equals(run.get("state").asText()));
    }

    @Test
    void aWorkflowThatStartsItselfIsStoppedAndReported() {
        String contact = scenario.contact("Lou", "lou.loop@example.com");

        scenario.tag(contact, "loop-again");

        List<JsonNode> runs = scenario.awaitRuns(contact, SOON, all -> all.stream()
                .anyMatch(run -> run.has("error") && run.get("error").asText().contains("loop protection")));
        Scenario.sleep(2000);
        JsonNode all = scenario.runsOf(contact);
        long entered = 0;
        long reported = 0;
        for (JsonNode run : all) {
            if (run.has("error") && run.get("error").asText().contains("loop protection")) {
                reported++;
                assertThat(run.get("state").asText()).isEqualTo("FAILED");
                assertThat(run.get("error").asText()).contains("20 times within the last hour");
            } else {
                entered++;
            }
        }
        assertThat(entered).as("entries before the loop was stopped: %s", runs).isEqualTo(20);
        assertThat(reported).as("reported once, not once per attempt").isEqualTo(1);
    }

    @Test
    void aManualStartNamesWhatIsWrongWithItsRequest() {
        String contact = scenario.contact("Max", "max.manual@example.com");

        Problems.assertFieldError(api().post(location.path("workflows/every-time/runs"), "application/json",
                "{}".getBytes(StandardCharsets.UTF_8)), "/contactId", "contactId");
        Problems.assertFieldError(startRaw("every-time", Map.of("contactId", "not-a-uuid")), "/contactId", "UUID");
        Problems.assertFieldError(startRaw("every-time", Map.of("contactId", UUID.randomUUID().toString())), "/contactId",
                "no contact");
        Problems.assertProblem(start("no-such-workflow", contact), 404, "no-such-workflow");
        String other = api().postJson("locations", Map.of("name", "Other reentry location")).json().get("id").asText();
        Problems.assertProblem(api().postJson("locations/" + other + "/workflows/every-time/runs", Map.of("contactId", contact)),
                404, "every-time");
        assertThat(scenario.runsOf(contact)).isEmpty();
    }

    @Test
    void anUnknownPolicyIsRefusedAtDeployNamingTheProcess() {
        String xml = Scenario.fixture(ReentryIT.class, "every-time")
                .replace("id=\"every-time\"", "id=\"sometimes\" sb:reentry=\"sometimes\"");
        ApiClient.Response refused = scenario.deploy(xml);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("sometimes").contains("P<days>D");
        assertThat(refused.json().get("errors").get(0).get("element").asText()).isEqualTo("sometimes");
    }

    private static ApiClient.Response start(String workflow, String contactId) {
        return startRaw(workflow, Map.of("contactId", contactId));
    }

    private static ApiClient.Response startRaw(String workflow, Map<String, String> body) {
        return api().postJson(location.path("workflows/" + workflow + "/runs"), body);
    }

    private static String reentryOf(JsonNode workflows, String key) {
        for (JsonNode workflow : workflows) {
            if (key.equals(workflow.get("key").asText())) {
                return workflow.get("reentry").asText();
            }
        }
        throw new AssertionError("no workflow " + key + " in " + workflows);
    }

    private static ApiClient api() {
        return location.api();
    }
}
