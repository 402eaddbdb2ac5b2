package dev.switchboard.acceptance.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.switchboard.acceptance.support.EmailPlugin;
import dev.switchboard.acceptance.support.OwnPlatform;
import dev.switchboard.acceptance.support.PlatformOfItsOwn;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The limits that keep one run, or one location, from taking the engine for itself, set low on a
 * platform of their own: the action steps of one run, and the runs of one location in flight.
 */
@PlatformOfItsOwn
class WorkflowLimitsIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static RunningPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.start(Path.of(System.getProperty("switchboard.launcher.jar")),
                Path.of(System.getProperty("switchboard.test.dir")), Map.of(
                        "SWITCHBOARD_WORKFLOWS_MAX_ACTIONS_PER_RUN", "2",
                        "SWITCHBOARD_WORKFLOWS_MAX_RUNS_IN_FLIGHT_PER_LOCATION", "1"));
        EmailPlugin.ensureInstalled(platform.admin());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aRunStopsAtItsLimitOfActionSteps() {
        TestLocation location = OwnPlatform.location(platform, "Actions per run");
        EmailPlugin.useSmtp(location, SMTP.getSmtp().getPort());
        Scenario scenario = new Scenario(location);
        scenario.deployFixture(WorkflowLimitsIT.class, "three-in-a-row");
        String contact = scenario.contact("Thrice", "thrice@example.com");

        scenario.tag(contact, "three-in-a-row");

        JsonNode run = scenario.endedRuns(contact, 1, Duration.ofSeconds(60)).get(0);
        assertThat(run.get("state").asText()).isEqualTo("FAILED");
        assertThat(run.get("error").asText()).contains("the run reached 2 action steps at 'send'");
        assertThat(Scenario.steps(run, "send")).hasSize(2);
    }

    @Test
    void eventsOfALocationWithTooManyRunsInFlightWaitForTheirTurn() throws Exception {
        TestLocation location = OwnPlatform.location(platform, "Runs in flight");
        EmailPlugin.useSmtp(location, unusedPort());
        Scenario scenario = new Scenario(location);
        scenario.deployFixture(WorkflowLimitsIT.class, "welcome");
        String first = scenario.contact("First", "first@example.com");
        String second = scenario.contact("Second", "second@example.com");

        scenario.tag(first, "welcome");
        scenario.awaitRuns(first, Duration.ofSeconds(30), runs -> runs.size() == 1);
        scenario.tag(second, "welcome");

        // the first run retries its step against a dead SMTP server for a few seconds: the second waits meanwhile
        Scenario.sleep(2000);
        assertThat(scenario.runsOf(first).get(0).get("state").asText()).isEqualTo("RUNNING");
        assertThat(scenario.runsOf(second)).as("runs of the second contact while the first is in flight").isEmpty();
        assertThat(waitingReason(location)).contains("runs in flight");
        scenario.endedRuns(first, 1, Duration.ofSeconds(60));
        assertThat(scenario.awaitRuns(second, Duration.ofSeconds(30), runs -> runs.size() == 1)).hasSize(1);
    }

    /** Why the location's pending event waits, as its delivery records it. */
    private static String waitingReason(TestLocation location) throws Exception {
        try (Connection database = platform.database();
             PreparedStatement query = database.prepareStatement("""
                     SELECT last_error FROM event_delivery
                     WHERE location_id = ?::uuid AND status = 'PENDING' AND consumer = 'workflow-triggers'""")) {
            query.setString(1, location.id());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : "";
            }
        }
    }

    private static int unusedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
