package dev.switchboard.acceptance.workflows;

import static dev.switchboard.acceptance.support.Scenario.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.acceptance.workflows.fixture.ChattyActions;
import dev.switchboard.acceptance.workflows.fixture.ChattyInput;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestBundles;
import dev.switchboard.testkit.TestLocation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a plugin writes to the step log during an action is kept with the step and shown in the run:
 * at most 100 lines of at most 1000 characters, a last line counting those dropped; a failed step
 * shows the lines of its last attempt.
 */
@ExtendWith(PlatformExtension.class)
class StepLogIT {

    private static final String PLUGIN = "test.chatty.plugin";

    private static TestLocation location;
    private static Scenario scenario;

    @BeforeAll
    static void setUp(RunningPlatform platform, TestLocation testLocation) {
        location = testLocation;
        scenario = new Scenario(location);
        Response installed = platform.admin().post("plugins", "application/java-archive",
                TestBundles.pf4j(PLUGIN, "1.0.0", ChattyActions.class, ChattyInput.class));
        assertThat(installed.status()).as(installed.body()).isEqualTo(200);
        deployOnTag("chatty-talk", "test.chatty.talk");
        deployOnTag("chatty-fail", "test.chatty.fail");
        deployOnTag("chatty-nul", "test.chatty.nul");
    }

    @Test
    void theLinesAPluginLoggedShowWithItsStepCutToTheDocumentedLimits() {
        String contact = scenario.contact("Ada", "ada-" + UUID.randomUUID() + "@log.test");

        scenario.tag(contact, "chatty-talk");

        JsonNode run = scenario.endedRuns(contact, 1, Duration.ofSeconds(60)).get(0);
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("COMPLETED");
        JsonNode fetched = scenario.run(run.get("id").asText());
        List<String> log = lines(step(fetched, "call"));
        List<String> expected = new ArrayList<>(List.of("INFO looked up Ada", "WARN the vendor answered slowly",
                "INFO " + "x".repeat(1000) + "…"));
        for (int i = 1; i <= 97; i++) {
            expected.add("INFO line " + i);
        }
        expected.add("… " + (ChattyActions.NUMBERED_LINES - 97) + " more line(s) not kept");
        assertThat(log).containsExactlyElementsOf(expected);
        assertThat(lines(step(fetched, "start"))).as("an element that is no action has no log").isEmpty();
    }

    @Test
    void aLineWithACharacterThatCannotBeStoredShowsWithItReplacedAndTheStepCompletes() {
        String contact = scenario.contact("Edsger", "edsger-" + UUID.randomUUID() + "@log.test");

        scenario.tag(contact, "chatty-nul");

        JsonNode run = scenario.endedRuns(contact, 1, Duration.ofSeconds(60)).get(0);
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("COMPLETED");
        JsonNode step = step(scenario.run(run.get("id").asText()), "call");
        assertThat(step.get("attempts").asInt()).as("recorded at the first attempt").isEqualTo(1);
        assertThat(lines(step)).containsExactly("INFO a\uFFFDb", "WARN c\uFFFDd");
    }

    @Test
    void aFailedStepShowsTheLinesOfItsLastAttempt() {
        String contact = scenario.contact("Grace", "grace-" + UUID.randomUUID() + "@log.test");

        scenario.tag(contact, "chatty-fail");

        JsonNode run = scenario.endedRuns(contact, 1, Duration.ofSeconds(90)).get(0);
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("FAILED");
        JsonNode step = step(scenario.run(run.get("id").asText()), "call");
        assertThat(step.get("attempts").asInt()).isEqualTo(3);
        assertThat(lines(step)).containsExactly("INFO attempt 3 for Grace");
    }

    private static List<String> lines(JsonNode step) {
        List<String> lines = new ArrayList<>();
        step.get("log").forEach(line -> lines.add(line.asText()));
        return lines;
    }

    private static void deployOnTag(String tag, String action) {
        Response deployed = scenario.deploy("""
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:sb="https://switchboard.dev/schema/bpmn" targetNamespace="https://switchboard.dev/tests">
                  <process id="%1$s" name="%1$s" isExecutable="true">
                    <startEvent id="start"><extensionElements>
                      <sb:trigger event="contact.tag_added"><sb:match field="tag" value="%1$s"/></sb:trigger>
                    </extensionElements></startEvent>
                    <sequenceFlow id="f1" sourceRef="start" targetRef="call"/>
                    <serviceTask id="call" name="Call" sb:action="%2$s"><extensionElements>
                      <sb:input name="text">{{contact.firstName}}</sb:input>
                    </extensionElements></serviceTask>
                    <sequenceFlow id="f2" sourceRef="call" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """.formatted(tag, action));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
    }
}
