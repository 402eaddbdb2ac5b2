package dev.switchboard.acceptance.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.EchoChannelPlugin;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Waits: for a contact's reply with a timeout (an event-based gateway between a message catch event
 * named after {@code conversation.message_received} and a timer; the reply, recorded by a channel
 * plugin, ends the wait of its own contact only, and its fields reach the run's conditions; without a
 * reply the timer's branch runs), and until a time of day in the contact's time zone.
 */
@ExtendWith(PlatformExtension.class)
class WaitsIT {

    private static final Duration SOON = Duration.ofSeconds(60);

    private static Scenario scenario;
    private static TestLocation location;
    private static RunningPlatform running;

    @BeforeAll
    static void setUp(RunningPlatform platform, TestLocation testLocation) {
        EchoChannelPlugin.ensureInstalled(platform.admin());
        location = testLocation;
        running = platform;
        scenario = new Scenario(location);
        scenario.deployFixture(WaitsIT.class, "await-reply");
        scenario.deployFixture(WaitsIT.class, "answer");
        scenario.deployFixture(WaitsIT.class, "time-of-day");
        scenario.deployFixture(WaitsIT.class, "goal");
        scenario.deployFixture(WaitsIT.class, "goal-over-step");
        scenario.deployFixture(WaitsIT.class, "waiter");
        scenario.deployFixture(WaitsIT.class, "calls-waiter");
        scenario.deployFixture(WaitsIT.class, "ping-loop");
        ApiClient.Response field = location.api().postJson(location.path("custom-fields"),
                Map.of("key", "wake_at", "name", "Wake at", "type", "text"));
        assertThat(field.status()).as(field.body()).isEqualTo(201);
    }

    @Test
    void anEventDeliveredAgainDoesNotEndTheWaitTheRunCameBackTo() throws Exception {
        String contact = scenario.contact("Pia", "pia.ping@example.com");
        scenario.tag(contact, "ping-loop");
        scenario.awaitRuns(contact, SOON, runs -> runs.size() == 1);
        Scenario.sleep(1500);
        scenario.tag(contact, "ping");
        scenario.awaitRuns(contact, SOON, runs -> notes(contact) == 1);
        Scenario.sleep(1500); // the run is back at its wait

        // the delivery of the "ping" event to the waits happens again, as after a failure or a crash
        try (java.sql.Connection db = running.database();
             java.sql.PreparedStatement again = db.prepareStatement("""
                     UPDATE event_delivery SET status = 'PENDING', next_attempt_at = now()
                     WHERE consumer = 'workflow-waits' AND event_id = (SELECT id FROM domain_event
                         WHERE type = 'contact.tag_added' AND payload ->> 'contactId' = ? AND payload ->> 'tag' = 'ping')""")) {
            again.setString(1, contact);
            assertThat(again.executeUpdate()).isEqualTo(1);
        }
        Scenario.sleep(4000);

        assertThat(notes(contact)).as("the same event woke the run once").isEqualTo(1);
        scenario.api().delete(location.path("contacts/" + contact + "/tags/ping"));
        scenario.tag(contact, "ping");
        scenario.awaitRuns(contact, SOON, runs -> notes(contact) == 2);
    }

    private static int notes(String contact) {
        return location.api().get(location.path("contacts/" + contact + "/notes")).json().get("items").size();
    }

    @Test
    void aCalledWorkflowRunsForTheSameContactAndItsWaitEnds() {
        String contact = scenario.contact("Cal", "cal.called@example.com");
        scenario.tag(contact, "call-waiter");
        scenario.awaitRuns(contact, SOON, runs -> runs.size() == 1);
        Scenario.sleep(2000);
        assertThat(scenario.tags(contact)).doesNotContain("child-woke", "parent-done");

        scenario.tag(contact, "wake-child");

        JsonNode run = scenario.endedRuns(contact, 1, SOON).get(0);
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(scenario.tags(contact)).as("the called workflow's step had the contact; the caller went on")
                .contains("child-woke", "parent-done");
    }

    @Test
    void aGoalReachedPullsTheContactOutOfTheSequenceToTheGoal() {
        String contact = scenario.contact("Gil", "gil.goal@example.com");
        scenario.tag(contact, "nurture-goal");
        scenario.awaitRuns(contact, SOON, runs -> runs.size() == 1);
        Scenario.sleep(1000);
        scenario.tag(contact, "not-the-goal");
        Scenario.sleep(1000);
        assertThat(scenario.runsOf(contact).get(0).get("state").asText()).as("another tag is not the goal").isEqualTo("RUNNING");

        scenario.tag(contact, "booked");

        JsonNode run = scenario.endedRuns(contact, 1, SOON).get(0);
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(activities(run)).contains("booked", "celebrate").doesNotContain("nudge");
        assertThat(scenario.tags(contact)).contains("goal-reached").doesNotContain("nudged");
    }

    @Test
    void aGoalReachedWhileAStepWaitsForItsNextAttemptCancelsTheStep() {
        String contact = scenario.contact("Resa", "resa.rescued@example.com");
        scenario.tag(contact, "goal-over-step");
        scenario.awaitRuns(contact, SOON, runs -> runs.size() == 1 && Scenario.steps(scenario.run(runs.get(0).get("id").asText()),
                "failing").stream().anyMatch(step -> step.get("attempts").asInt() >= 1));

        scenario.tag(contact, "rescue");

        JsonNode run = scenario.endedRuns(contact, 1, SOON).get(0);
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("COMPLETED");
        Scenario.sleep(8000); // longer than the step's remaining back-off
        JsonNode after = scenario.run(run.get("id").asText());
        assertThat(after.get("state").asText()).as("the step the goal left is never tried again").isEqualTo("COMPLETED");
        assertThat(Scenario.step(after, "failing").get("status").asText()).isEqualTo("CANCELLED");
        assertThat(Scenario.step(after, "failing").get("attempts").asInt()).isLessThan(3);
    }

    @Test
    void aWaitUntilATimeOfDayInTheContactsZoneEndsThen() {
        ZoneId zone = ZoneId.of("Pacific/Auckland");
        ZonedDateTime wake = ZonedDateTime.now(zone).plusSeconds(8).withNano(0);
        ApiClient.Response created = location.api().postJson(location.path("contacts"), Map.of("firstName", "Wes",
                "email", "wes.wakes@example.com", "timezone", zone.getId(),
                "customFields", Map.of("wake_at", wake.toLocalTime().toString())));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String contact = created.json().get("id").asText();

        scenario.tag(contact, "wake-me");

        JsonNode run = scenario.endedRuns(contact, 1, SOON).get(0);
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("COMPLETED");
        JsonNode wait = Scenario.step(run, "wait");
        Instant ended = OffsetDateTime.parse(wait.get("endedAt").asText()).toInstant();
        assertThat(ended).as("the timer fired at the contact's local time, not before")
                .isAfterOrEqualTo(wake.toInstant().minusMillis(1));
        assertThat(scenario.tags(contact)).contains("woke");
    }

    @Test
    void aReplyEndsTheWaitAndItsFieldsReachTheRun() {
        String contact = scenario.contact("Rhea", "rhea.reply@example.com");
        scenario.tag(contact, "ask");
        scenario.awaitRuns(contact, SOON, runs -> runs.size() == 1);

        scenario.tag(contact, "answer");

        JsonNode run = Scenario.byWorkflow(scenario.endedRuns(contact, 2, SOON), "await-reply");
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(activities(run)).contains("reply", "answered").doesNotContain("giveUp");
        assertThat(scenario.tags(contact)).contains("answered").doesNotContain("no-answer");
    }

    @Test
    void withoutAReplyTheTimeoutBranchRuns() {
        String contact = scenario.contact("Tim", "tim.timeout@example.com");

        scenario.tag(contact, "ask");

        JsonNode run = scenario.endedRuns(contact, 1, SOON).get(0);
        assertThat(run.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(activities(run)).contains("timeout", "giveUp").doesNotContain("answered");
        assertThat(scenario.tags(contact)).contains("no-answer");
    }

    @Test
    void anotherContactsReplyDoesNotEndTheWait() {
        String waiting = scenario.contact("Wanda", "wanda.waits@example.com");
        String other = scenario.contact("Olaf", "olaf.other@example.com");
        scenario.tag(waiting, "ask");
        scenario.awaitRuns(waiting, SOON, runs -> runs.size() == 1);

        scenario.tag(other, "answer");
        scenario.endedRuns(other, 1, SOON);

        JsonNode run = scenario.endedRuns(waiting, 1, SOON).get(0);
        assertThat(activities(run)).as("Olaf's reply is not Wanda's").contains("giveUp").doesNotContain("answered");
    }

    private static List<String> activities(JsonNode run) {
        List<String> ids = new ArrayList<>();
        run.get("steps").forEach(step -> ids.add(step.get("activityId").asText()));
        return ids;
    }
}
