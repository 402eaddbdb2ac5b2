package dev.switchboard.acceptance.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Date triggers: a custom date field 30 days ahead (a renewal) and a yearly birthday start their
 * workflow for each contact at the time of day in the contact's own time zone, once; a date whose
 * moment passed before the workflow was published, or that is not due yet, starts nothing; a field
 * that is not a date is refused at publish.
 */
@ExtendWith(PlatformExtension.class)
class DateTriggersIT {

    /** The sweep runs every 30 s by default. */
    private static final Duration SWEPT = Duration.ofSeconds(90);
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static Scenario scenario;
    private static TestLocation location;

    @BeforeAll
    static void setUp(RunningPlatform platform, TestLocation testLocation) {
        location = testLocation;
        scenario = new Scenario(location);
        for (Map<String, Object> field : java.util.List.<Map<String, Object>>of(
                Map.of("key", "renewal", "name", "Renewal", "type", "date"),
                Map.of("key", "nickname", "name", "Nickname", "type", "text"))) {
            ApiClient.Response created = location.api().postJson(location.path("custom-fields"), field);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
    }

    @Test
    void aRenewalDateAndABirthdayStartTheirWorkflowsAtTheContactsLocalTimeOnce() {
        ZonedDateTime renewalMoment = ZonedDateTime.now(AUCKLAND).plusSeconds(20).withNano(0);
        ZonedDateTime birthdayMoment = ZonedDateTime.now(PARIS).plusSeconds(20).withNano(0);
        publish("renewal", "renewal", -30, renewalMoment, false, "renewal-reminded");
        publish("birthday", "dateOfBirth", 0, birthdayMoment, true, "birthday-greeted");
        LocalDate renewal = renewalMoment.toLocalDate().plusDays(30);

        String due = contact("Dee", "dee.due@example.com", AUCKLAND, Map.of("customFields", Map.of("renewal", renewal.toString())));
        String later = contact("Lee", "lee.later@example.com", AUCKLAND,
                Map.of("customFields", Map.of("renewal", renewal.plusDays(1).toString())));
        String past = contact("Pat", "pat.past@example.com", AUCKLAND,
                Map.of("customFields", Map.of("renewal", renewal.minusDays(1).toString())));
        String born = contact("Bea", "bea.born@example.com", PARIS,
                Map.of("dateOfBirth", birthdayMoment.toLocalDate().withYear(1990).toString()));

        JsonNode renewalRun = scenario.endedRuns(due, 1, SWEPT).get(0);
        assertThat(renewalRun.get("workflowKey").asText()).isEqualTo("renewal");
        assertThat(renewalRun.get("state").asText()).as(renewalRun.toString()).isEqualTo("COMPLETED");
        assertThat(java.time.OffsetDateTime.parse(renewalRun.get("startedAt").asText()).toInstant())
                .as("not before the contact's local time").isAfterOrEqualTo(renewalMoment.toInstant());
        assertThat(scenario.tags(due)).contains("renewal-reminded");
        JsonNode birthdayRun = scenario.endedRuns(born, 1, SWEPT).get(0);
        assertThat(birthdayRun.get("workflowKey").asText()).isEqualTo("birthday");
        assertThat(scenario.tags(born)).contains("birthday-greeted");

        Scenario.sleep(Duration.ofSeconds(35).toMillis()); // another sweep
        assertThat(scenario.runsOf(due)).as("fired once").hasSize(1);
        assertThat(scenario.runsOf(born)).as("fired once").hasSize(1);
        assertThat(scenario.runsOf(later)).as("a renewal a day later is not due").isEmpty();
        assertThat(scenario.runsOf(past)).as("a moment before the workflow was published is not fired").isEmpty();
    }

    @Test
    void aFieldThatIsNotADateIsRefusedAtPublish() {
        ApiClient.Response refused = scenario.deploy(xml("nickname-date", "nickname", 0, ZonedDateTime.now(PARIS), false, "x"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("field 'nickname' is not a date field of this location's contacts")
                .contains("[dateOfBirth, renewal]");
        ApiClient.Response badOffset = scenario.deploy(xml("bad-offset", "renewal", 999, ZonedDateTime.now(PARIS), false, "x"));
        assertThat(badOffset.status()).isEqualTo(400);
        assertThat(badOffset.body()).contains("offsetDays is a whole number of days from -365 to 365");
    }

    private static void publish(String key, String field, int offsetDays, ZonedDateTime at, boolean yearly, String tag) {
        ApiClient.Response deployed = scenario.deploy(xml(key, field, offsetDays, at, yearly, tag));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
    }

    private static String xml(String key, String field, int offsetDays, ZonedDateTime at, boolean yearly, String tag) {
        return """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sb="https://switchboard.dev/schema/bpmn"
                    targetNamespace="https://switchboard.dev/tests">
                  <process id="%s" isExecutable="true">
                    <startEvent id="start"><extensionElements>
                      <sb:dateTrigger field="%s" offsetDays="%d" time="%s" yearly="%s"/>
                    </extensionElements></startEvent>
                    <sequenceFlow id="f1" sourceRef="start" targetRef="mark"/>
                    <serviceTask id="mark" sb:action="contact.add_tag">
                      <extensionElements><sb:input name="tag">%s</sb:input></extensionElements>
                    </serviceTask>
                    <sequenceFlow id="f2" sourceRef="mark" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>""".formatted(key, field, offsetDays, at.toLocalTime().format(DateTimeFormatter.ISO_LOCAL_TIME),
                yearly, tag);
    }

    private static String contact(String firstName, String email, ZoneId zone, Map<String, Object> more) {
        Map<String, Object> fields = new java.util.HashMap<>(more);
        fields.put("timezone", zone.getId());
        return scenario.contact(firstName, email, fields);
    }
}
