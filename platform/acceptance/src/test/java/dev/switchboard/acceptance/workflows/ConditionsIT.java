package dev.switchboard.acceptance.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Conditions in FEEL over an event and its contact: typed trigger filters ({@code <sb:condition>} on a
 * trigger: a tag out of a list and a field of the contact; a number carried as text), a wait until a
 * condition on the contact holds (a conditional intermediate catch event, looked at again when the
 * contact changes), and an event wait narrowed by a condition. Escaped characters in an input reach the
 * step whole.
 */
@ExtendWith(PlatformExtension.class)
class ConditionsIT {

    private static final Duration SOON = Duration.ofSeconds(60);

    private static Scenario scenario;
    private static TestLocation location;

    @BeforeAll
    static void setUp(RunningPlatform platform, TestLocation testLocation) {
        location = testLocation;
        scenario = new Scenario(location);
        ApiClient.Response field = location.api().postJson(location.path("custom-fields"),
                Map.of("key", "score", "name", "Score", "type", "number"));
        assertThat(field.status()).as(field.body()).isEqualTo(201);
        scenario.deployFixture(ConditionsIT.class, "vip");
        scenario.deployFixture(ConditionsIT.class, "high-score");
        scenario.deployFixture(ConditionsIT.class, "qualify");
    }

    @Test
    void aTriggersConditionStartsTheWorkflowOnlyForTheEventsAndContactsItNames() {
        String parisian = scenario.contact("Paz", "paz.paris@example.com", Map.of("city", "Paris"));
        String londoner = scenario.contact("Lou", "lou.london@example.com", Map.of("city", "London"));

        scenario.tag(parisian, "regular");
        scenario.tag(londoner, "vip");
        scenario.tag(parisian, "gold");

        JsonNode run = Scenario.byWorkflow(scenario.endedRuns(parisian, 1, SOON), "vip");
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(Scenario.step(run, "welcome").get("inputs").get("body").asText())
                .as("escaped characters and the spaces around them reach the step").isEqualTo("Invite to wine & cheese <3");
        Scenario.sleep(2000);
        assertThat(scenario.runsOf(londoner)).as("a VIP outside Paris, and a regular tag, start nothing").isEmpty();
        assertThat(scenario.runsOf(parisian)).hasSize(1);
    }

    @Test
    void aConditionComparesANumberCarriedAsText() {
        String low = scenario.contact("Lowe", "lowe.score@example.com", Map.of());
        String high = scenario.contact("Hugh", "hugh.score@example.com", Map.of());

        patch(low, Map.of("customFields", Map.of("score", 90)));
        patch(high, Map.of("customFields", Map.of("score", 91.5)));

        assertThat(scenario.endedRuns(high, 1, SOON).get(0).get("state").asText()).isEqualTo("COMPLETED");
        assertThat(scenario.tags(high)).contains("top-scorer");
        Scenario.sleep(2000);
        assertThat(scenario.runsOf(low)).as("90 is not over 90").isEmpty();
    }

    @Test
    void aRunWaitsUntilItsContactMeetsTheConditionThenForAnEventThatMeetsItsOwn() {
        String contact = scenario.contact("Quinn", "quinn.qualify@example.com", Map.of("customFields", Map.of("score", 10)));
        scenario.tag(contact, "qualify");
        scenario.awaitRuns(contact, SOON, runs -> runs.size() == 1);
        Scenario.sleep(2000);
        patch(contact, Map.of("customFields", Map.of("score", 40)));
        Scenario.sleep(2000);
        JsonNode waiting = scenario.run(scenario.runsOf(contact).get(0).get("id").asText());
        assertThat(waiting.get("state").asText()).isEqualTo("RUNNING");
        assertThat(scenario.tags(contact)).as("a score under 50 keeps the run waiting").doesNotContain("qualified");

        patch(contact, Map.of("customFields", Map.of("score", 55)));

        scenario.awaitRuns(contact, SOON, runs -> scenario.tags(contact).contains("qualified"));
        scenario.tag(contact, "nope");
        Scenario.sleep(2000);
        assertThat(scenario.tags(contact)).as("a tag the wait's condition refuses").doesNotContain("went");

        scenario.tag(contact, "go-now");

        JsonNode run = scenario.endedRuns(contact, 1, SOON).get(0);
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(scenario.tags(contact)).contains("qualified", "went");
    }

    @Test
    void aContactThatMeetsTheConditionAlreadyGoesStraightOn() {
        String contact = scenario.contact("Ace", "ace.qualified@example.com", Map.of("customFields", Map.of("score", 80)));

        scenario.tag(contact, "qualify");

        scenario.awaitRuns(contact, SOON, runs -> scenario.tags(contact).contains("qualified"));
    }

    @Test
    void aConditionThatIsNotFeelOrNamesAFieldTheEventLacksIsRefusedAtPublish() {
        String fixture = Scenario.fixture(ConditionsIT.class, "vip").replace("id=\"vip\"", "id=\"vip-2\"");

        ApiClient.Response unknownField = scenario.deploy(fixture.replace("event.tag in", "event.tags in"));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.body()).contains("names event.tags, which contact.tag_added events do not carry");

        ApiClient.Response juel = scenario.deploy(fixture.replace("<sb:condition>= (event.tag",
                "<sb:condition>${runtime.exec('id')} or (event.tag"));
        assertThat(juel.status()).isEqualTo(400);
        assertThat(juel.body()).contains("must be a FEEL expression written after '='");

        ApiClient.Response boundary = scenario.deploy(Scenario.fixture(ConditionsIT.class, "qualify")
                .replace("id=\"qualify\"", "id=\"qualify-2\"")
                .replace("<intermediateCatchEvent id=\"scored\" name=\"Score of 50 or more\">",
                        "<boundaryEvent id=\"scored\" attachedToRef=\"qualified\">")
                .replace("</conditionalEventDefinition>\n    </intermediateCatchEvent>", "</conditionalEventDefinition>\n    </boundaryEvent>"));
        assertThat(boundary.status()).isEqualTo(400);
        assertThat(boundary.body()).contains("a condition can be waited for at an intermediate catch event");
    }

    @Test
    void theEventTypesListNamesTheFieldsAFilterMayUse() {
        ApiClient.Response types = location.api().get(location.path("event-types"));
        assertThat(types.status()).as(types.body()).isEqualTo(200);
        JsonNode tagAdded = null;
        for (JsonNode type : types.json()) {
            if (type.get("name").asText().equals("contact.tag_added")) {
                tagAdded = type;
            }
        }
        assertThat(tagAdded).as(types.body()).isNotNull();
        assertThat(tagAdded.get("fields").toString()).isEqualTo("[\"contactId\",\"tag\"]");
        assertThat(tagAdded.get("description").asText()).isNotBlank();
    }

    private static void patch(String contact, Map<String, Object> patch) {
        ApiClient.Response patched = location.api().patchJson(location.path("contacts/" + contact), patch);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    }
}
