package dev.switchboard.acceptance.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Recurring schedules: a timer start event starts runs of its own (recorded and listed like any run), a
 * schedule's step starts another workflow for a segment's contacts, and a workflow turned off stops its
 * schedule until it is turned on again.
 */
@ExtendWith(PlatformExtension.class)
class SchedulesIT {

    private static final Duration SOON = Duration.ofSeconds(60);

    private static Scenario scenario;
    private static TestLocation location;

    @BeforeAll
    static void setUp(TestLocation testLocation) {
        location = testLocation;
        scenario = new Scenario(location);
    }

    @Test
    void aScheduleStartsAWorkflowForASegmentEachTimeItFires() {
        ApiClient api = location.api();
        List<String> members = List.of(scenario.contact("Sky", "sky.schedule@example.com"),
                scenario.contact("Sol", "sol.schedule@example.com"));
        for (String member : members) {
            scenario.tag(member, "schedule-group");
        }
        String outsider = scenario.contact("Out", "out.schedule@example.com");
        assertThat(api.postJson(location.path("segments"), Map.of("name", "Schedule group", "filter",
                Map.of("type", "tag", "operator", "hasAny", "value", List.of("schedule-group")))).status()).isEqualTo(201);
        scenario.deployFixture(SchedulesIT.class, "greet");

        scenario.deployFixture(SchedulesIT.class, "every-few-seconds");

        List<JsonNode> fired = await("every-few-seconds", 2);
        for (JsonNode run : fired) {
            JsonNode detail = scenario.run(run.get("id").asText());
            assertThat(detail.get("state").asText()).as(detail.toString()).isEqualTo("COMPLETED");
            assertThat(detail.has("contactId")).as("a schedule's run has no contact").isFalse();
            assertThat(Scenario.step(detail, "startGreet").get("outputs").get("contacts").asText()).isEqualTo("2");
        }
        for (String member : members) {
            List<JsonNode> runs = scenario.endedRuns(member, 1, SOON);
            assertThat(runs.get(0).get("workflowKey").asText()).as("greeted once: its re-entry policy is once").isEqualTo("greet");
            assertThat(scenario.tags(member)).contains("scheduled-hello");
        }
        assertThat(scenario.runsOf(outsider)).as("not in the segment").isEmpty();
    }

    @Test
    void aWorkflowTurnedOffStopsItsScheduleUntilTurnedOn() {
        scenario.deployFixture(SchedulesIT.class, "ticking");
        await("ticking", 1);

        assertThat(location.api().post(location.path("workflows/ticking/disable")).status()).isEqualTo(200);
        Scenario.sleep(1000);
        int whenOff = runs("ticking").size();
        Scenario.sleep(5000);
        assertThat(runs("ticking")).as("no run while it is off").hasSize(whenOff);

        assertThat(location.api().post(location.path("workflows/ticking/enable")).status()).isEqualTo(200);
        await("ticking", whenOff + 1);

        assertThat(location.api().delete(location.path("workflows/ticking?cancelRuns=true")).status()).isEqualTo(204);
        Scenario.sleep(1000);
        int whenDeleted = runs("ticking").size();
        Scenario.sleep(4000);
        assertThat(runs("ticking")).as("a deleted workflow's schedule is stopped").hasSize(whenDeleted);
    }

    private static List<JsonNode> runs(String workflow) {
        List<JsonNode> runs = new ArrayList<>();
        location.api().get(location.path("workflow-runs?workflow=" + workflow)).json().forEach(runs::add);
        return runs;
    }

    private static List<JsonNode> await(String workflow, int count) {
        long deadline = System.nanoTime() + SOON.toNanos();
        List<JsonNode> runs = runs(workflow);
        while (runs.size() < count || runs.stream().anyMatch(run -> "RUNNING".equals(run.get("state").asText()))) {
            assertThat(System.nanoTime()).as("%d ended runs of %s: %s", count, workflow, runs).isLessThan(deadline);
            Scenario.sleep(300);
            runs = runs(workflow);
        }
        return runs;
    }
}
