package dev.switchboard.acceptance.workflows;

import static dev.switchboard.acceptance.support.Scenario.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.switchboard.acceptance.support.EmailPlugin;
import dev.switchboard.acceptance.support.Mailbox;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs as an agency's workflows meet them: an email step sends once and is never repeated by what
 * happens after it, a step that fails is retried and then fails its run visibly, one workflow that
 * breaks never keeps another from running, and runs that would grow without bound are stopped.
 */
@ExtendWith(PlatformExtension.class)
class WorkflowRunsIT {

    private static final Duration SOON = Duration.ofSeconds(60);

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static Scenario scenario;

    @BeforeAll
    static void setUp(RunningPlatform platform, TestLocation location) {
        EmailPlugin.ensureInstalled(platform.admin());
        EmailPlugin.useSmtp(location, SMTP.getSmtp().getPort());
        scenario = new Scenario(location);
        for (String fixture : List.of("fails-after-email", "joins", "broken-condition", "same-trigger",
                "too-many-instances", "endless-loop", "three-in-a-row", "contact-condition",
                "built-in-loop")) {
            scenario.deployFixture(WorkflowRunsIT.class, fixture);
        }
    }

    @Test
    void anEmailStepIsNotSentAgainWhenTheRunFailsAfterIt() throws Exception {
        String contact = scenario.contact("Alan", "alan@example.com");

        scenario.tag(contact, "fails-after-email");

        JsonNode run = scenario.endedRuns(contact, 1, SOON).get(0);
        assertThat(run.get("state").asText()).isEqualTo("FAILED");
        assertThat(run.get("error").asText()).contains("notAVariable");
        JsonNode send = step(run, "send");
        assertThat(send.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(send.get("attempts").asInt()).isEqualTo(1);
        assertThat(Mailbox.messagesTo(SMTP, "alan@example.com")).as("the email, sent once although the run failed three times after it")
                .hasSize(1);
    }

    @Test
    void parallelAndInclusiveJoinsSendEachBranchOnce() throws Exception {
        String contact = scenario.contact("Grace", "grace.joins@example.com");

        scenario.tag(contact, "joins");

        JsonNode run = scenario.endedRuns(contact, 1, SOON).get(0);
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("COMPLETED");
        for (String task : List.of("sendA", "sendB", "sendC", "sendD")) {
            assertThat(step(run, task).get("status").asText()).isEqualTo("COMPLETED");
        }
        assertThat(subjects(Mailbox.messagesTo(SMTP, "grace.joins@example.com")))
                .containsExactlyInAnyOrder("Parallel A", "Parallel B", "Inclusive C", "Inclusive D");
    }

    @Test
    void aConditionOnTheContactsFieldsChoosesTheBranch() throws Exception {
        String ada = scenario.contact("Ada", "ada.condition@example.com");
        String bob = scenario.contact("Bob", "bob.condition@example.com");

        scenario.tag(ada, "contact-condition");
        scenario.tag(bob, "contact-condition");

        for (String contact : List.of(ada, bob)) {
            JsonNode run = scenario.endedRuns(contact, 1, SOON).get(0);
            assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("COMPLETED");
        }
        // the run log says which way the gateway went, and why
        JsonNode took = step(scenario.endedRuns(ada, 1, SOON).get(0), "decide").get("next");
        assertThat(took).hasSize(1);
        assertThat(took.get(0).get("id").asText()).isEqualTo("isAda");
        assertThat(took.get(0).get("targetId").asText()).isEqualTo("greetAda");
        assertThat(took.get(0).get("condition").asText()).contains("contact.firstName = \"Ada\"");
        JsonNode otherwise = step(scenario.endedRuns(bob, 1, SOON).get(0), "decide").get("next");
        assertThat(otherwise).hasSize(1);
        assertThat(otherwise.get(0).get("id").asText()).isEqualTo("otherwise");
        assertThat(otherwise.get(0).path("condition").asText(null)).as("a default flow has no condition").isNull();
        assertThat(subjects(Mailbox.messagesTo(SMTP, "ada.condition@example.com"))).containsExactly("Hello Ada");
        assertThat(subjects(Mailbox.messagesTo(SMTP, "bob.condition@example.com"))).containsExactly("Hello there");
    }

    @Test
    void aWorkflowFailingRightAfterItsStartFailsAloneAndSaysWhy() throws Exception {
        String contact = scenario.contact("Barbara", "barbara.shared@example.com");

        scenario.tag(contact, "shared-trigger");

        List<JsonNode> runs = scenario.endedRuns(contact, 2, SOON);
        JsonNode broken = Scenario.byWorkflow(runs, "broken-condition");
        JsonNode healthy = Scenario.byWorkflow(runs, "same-trigger");
        assertThat(broken.get("state").asText()).isEqualTo("FAILED");
        assertThat(broken.get("error").asText()).contains("noSuchVariable");
        assertThat(healthy.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(subjects(Mailbox.messagesTo(SMTP, "barbara.shared@example.com"))).containsExactly("Still sent");
    }

    @Test
    void eachTimeATaskRunsAgainItIsAStepOfItsOwnWithAKeyOfItsOwn() throws Exception {
        String contact = scenario.contact("Thrice", "thrice@example.com");

        scenario.tag(contact, "three-in-a-row");

        JsonNode run = scenario.endedRuns(contact, 1, SOON).get(0);
        assertThat(run.get("state").asText()).isEqualTo("COMPLETED");
        List<JsonNode> sends = Scenario.steps(run, "send");
        assertThat(sends).hasSize(3).allMatch(send -> "COMPLETED".equals(send.get("status").asText()));
        assertThat(sends.stream().map(send -> send.get("idempotencyKey").asText()).distinct()).hasSize(3);
        List<String> messageIds = new ArrayList<>();
        for (MimeMessage message : Mailbox.messagesTo(SMTP, "thrice@example.com")) {
            messageIds.add(message.getMessageID());
        }
        assertThat(messageIds).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void aMultiInstanceOverTheLimitFailsItsRunInsteadOfFillingTheDatabase() {
        String contact = scenario.contact("Huge", "huge@example.com");

        scenario.tag(contact, "too-many-instances");

        JsonNode run = scenario.endedRuns(contact, 1, SOON).get(0);
        assertThat(run.get("state").asText()).isEqualTo("FAILED");
        assertThat(run.get("error").asText())
                .contains("multi-instance 'send' would create 2000000000 instances; the limit is 1000");
    }

    @Test
    void aLoopWithNothingToWaitForFailsItsRun() {
        String contact = scenario.contact("Loop", "loop@example.com");

        scenario.tag(contact, "endless-loop");

        JsonNode run = scenario.endedRuns(contact, 1, SOON).get(0);
        assertThat(run.get("state").asText()).isEqualTo("FAILED");
        assertThat(run.get("error").asText()).contains("without waiting");
    }

    @Test
    void aLoopOfBuiltInStepsWithNothingToWaitForFailsItsRunAndLeavesNoHalfOfIt() {
        String contact = scenario.contact("Builtin", "builtin.loop@example.com");

        scenario.tag(contact, "built-in-loop");

        // the steps are made in the run's transaction: a loop without a wait ends at a limit, and
        // the transaction that crossed it leaves nothing behind
        JsonNode run = scenario.endedRuns(contact, 1, SOON).get(0);
        assertThat(run.get("state").asText()).isEqualTo("FAILED");
        assertThat(run.get("error").asText()).containsAnyOf("without waiting", "action steps");
        assertThat(Scenario.steps(run, "count")).allSatisfy(step ->
                assertThat(step.get("status").asText()).isEqualTo("COMPLETED"));
    }


    private static List<String> subjects(List<MimeMessage> messages) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : messages) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }
}
