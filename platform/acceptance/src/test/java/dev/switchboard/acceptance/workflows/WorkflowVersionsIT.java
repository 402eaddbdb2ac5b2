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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A workflow's drafts and versions through the API: any BPMN 2.0 document saved as a draft with what
 * publishing it would refuse, a draft published, running runs left on their version and then migrated,
 * an old version published again, a workflow turned off and on, and deleted.
 */
@ExtendWith(PlatformExtension.class)
class WorkflowVersionsIT {

    private static final Duration SOON = Duration.ofSeconds(60);

    private static Scenario scenario;
    private static TestLocation location;

    @BeforeAll
    static void setUp(TestLocation testLocation) {
        location = testLocation;
        scenario = new Scenario(location);
    }

    @Test
    void anyBpmnDocumentIsKeptAsADraftAndPublishingItNamesWhatTheProfileRefuses() {
        String xml = Scenario.fixture(WorkflowVersionsIT.class, "not-runnable");

        JsonNode draft = ok(putDraft("not-runnable", xml));
        assertThat(draft.get("published").asBoolean()).isFalse();
        assertThat(elements(draft.get("problems"))).contains("approve", "compute");
        assertThat(api().get(location.path("workflows/not-runnable/draft")).body()).isEqualTo(xml);
        assertThat(api().get(location.path("workflow-drafts")).json().toString()).contains("not-runnable");

        ApiClient.Response refused = api().post(location.path("workflows/not-runnable/publish"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(elements(refused.json().get("errors"))).contains("approve", "compute");
        assertThat(api().get(location.path("workflows/not-runnable")).status()).as("nothing published").isEqualTo(404);

        assertThat(api().delete(location.path("workflows/not-runnable/draft")).status()).isEqualTo(204);
        assertThat(api().get(location.path("workflows/not-runnable/draft")).status()).isEqualTo(404);
    }

    @Test
    void whatCannotBeReadIsNotKeptEvenAsADraft() {
        Problems.assertProblem(putDraft("broken", "<definitions"), 400, "");
        Problems.assertProblem(putDraft("broken", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"x\">]><x/>"), 400, "");
        ApiClient.Response notBpmn = putDraft("broken", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>");
        assertThat(notBpmn.status()).isEqualTo(400);
        assertThat(notBpmn.body()).contains("not a BPMN 2.0 document");
        assertThat(putDraft("has space", Scenario.fixture(WorkflowVersionsIT.class, "not-runnable")).status()).isEqualTo(400);
        assertThat(putDraft("broken", "").status()).isEqualTo(400);
        assertThat(api().get(location.path("workflows/broken/draft")).status()).isEqualTo(404);
    }

    @Test
    void runsStayOnTheirVersionUntilMigratedAndAnOldVersionCanBePublishedAgain() {
        String v1 = waiting("on-version-one");
        JsonNode draft = ok(putDraft("waiting", v1));
        assertThat(draft.get("problems")).isEmpty();
        ApiClient.Response published = api().post(location.path("workflows/waiting/publish"));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(published.json().get("version").asInt()).isEqualTo(1);
        assertThat(api().get(location.path("workflows/waiting/draft")).status()).as("published drafts are gone").isEqualTo(404);

        String contact = scenario.contact("Vera", "vera.versions@example.com");
        scenario.tag(contact, "wait-here");
        String runId = scenario.awaitRuns(contact, SOON, runs -> runs.size() == 1).get(0).get("id").asText();
        assertThat(scenario.deploy(waiting("on-version-two")).status()).isEqualTo(201);

        JsonNode versions = api().get(location.path("workflows/waiting/versions")).json();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(versions.get(0).get("latest").asBoolean()).isTrue();
        assertThat(versions.get(0).get("source").asText()).isEqualTo("upload");
        assertThat(versions.get(1).get("source").asText()).isEqualTo("draft");
        assertThat(versions.get(1).get("publishedBy").asText()).contains("@");
        assertThat(versions.get(1).get("runningRuns").asLong()).as("the run stays on version 1").isEqualTo(1);
        assertThat(scenario.run(runId).get("workflowVersion").asInt()).isEqualTo(1);

        JsonNode dryRun = ok(api().postJson(location.path("workflows/waiting/migrations"),
                Map.of("fromVersion", 1, "dryRun", true)));
        assertThat(dryRun.get("valid").asBoolean()).as(dryRun.toString()).isTrue();
        assertThat(dryRun.get("runs").asLong()).isEqualTo(1);
        assertThat(dryRun.get("migrated").asBoolean()).isFalse();
        assertThat(scenario.run(runId).get("workflowVersion").asInt()).isEqualTo(1);

        JsonNode migrated = ok(api().postJson(location.path("workflows/waiting/migrations"), Map.of("fromVersion", 1)));
        assertThat(migrated.get("migrated").asBoolean()).as(migrated.toString()).isTrue();
        assertThat(migrated.get("toVersion").asInt()).isEqualTo(2);
        assertThat(scenario.run(runId).get("workflowVersion").asInt()).isEqualTo(2);
        assertThat(api().get(location.path("workflows/waiting/versions")).json().get(0).get("runningRuns").asLong()).isEqualTo(1);

        // a version without the activity the run waits at: the engine says the run cannot move there
        String withoutWait = waiting("on-version-three").replace("targetRef=\"wait\"", "targetRef=\"tag\"")
                .replaceAll("<intermediateCatchEvent id=\"wait\">.*?</intermediateCatchEvent>", "")
                .replaceAll("<sequenceFlow id=\"f2\"[^>]*/>", "");
        assertThat(scenario.deploy(withoutWait).status()).isEqualTo(201);
        JsonNode invalid = ok(api().postJson(location.path("workflows/waiting/migrations"), Map.of("fromVersion", 2)));
        assertThat(invalid.get("valid").asBoolean()).as(invalid.toString()).isFalse();
        assertThat(invalid.get("migrated").asBoolean()).isFalse();
        assertThat(invalid.get("problems").toString()).contains("wait");
        assertThat(scenario.run(runId).get("workflowVersion").asInt()).isEqualTo(2);

        ApiClient.Response rollback = api().post(location.path("workflows/waiting/versions/1/publish"));
        assertThat(rollback.status()).as(rollback.body()).isEqualTo(201);
        assertThat(rollback.json().get("version").asInt()).isEqualTo(4);
        assertThat(api().get(location.path("workflows/waiting/versions/4/bpmn")).body()).contains("on-version-one");
        assertThat(api().get(location.path("workflows/waiting/versions")).json().get(0).get("source").asText())
                .isEqualTo("rollback");
        Problems.assertProblem(api().get(location.path("workflows/waiting/versions/9/bpmn")), 404, "version 9");
        assertThat(api().get(location.path("workflows/waiting/versions/x/bpmn")).status()).isEqualTo(400);
        Problems.assertFieldError(api().postJson(location.path("workflows/waiting/migrations"), Map.of("fromVersion", 7)),
                "/fromVersion", "no version 7");
    }

    @Test
    void aWorkflowTurnedOffStartsNothingUntilTurnedOnAndADeletedOneIsGone() {
        assertThat(scenario.deploy(waiting("switch").replace("id=\"waiting\"", "id=\"switch\"")
                .replace("value=\"wait-here\"", "value=\"switch-on\"")).status()).isEqualTo(201);
        String off = scenario.contact("Otto", "otto.off@example.com");

        JsonNode disabled = ok(api().post(location.path("workflows/switch/disable")));
        assertThat(disabled.get("enabled").asBoolean()).isFalse();
        scenario.tag(off, "switch-on");
        Problems.assertProblem(api().postJson(location.path("workflows/switch/runs"), Map.of("contactId", off)), 409, "turned off");
        Scenario.sleep(2000);
        assertThat(scenario.runsOf(off)).as("no run while it is off").isEmpty();

        assertThat(ok(api().post(location.path("workflows/switch/enable"))).get("enabled").asBoolean()).isTrue();
        String on = scenario.contact("Onna", "onna.on@example.com");
        scenario.tag(on, "switch-on");
        scenario.awaitRuns(on, SOON, runs -> runs.size() == 1);

        Problems.assertProblem(api().delete(location.path("workflows/switch")), 409, "cancelRuns=true");
        assertThat(api().delete(location.path("workflows/switch?cancelRuns=true")).status()).isEqualTo(204);
        assertThat(scenario.endedRuns(on, 1, SOON).get(0).get("state").asText()).isEqualTo("CANCELLED");
        assertThat(api().get(location.path("workflows/switch")).status()).isEqualTo(404);
        assertThat(api().get(location.path("workflows")).json().toString()).doesNotContain("\"switch\"");
        Problems.assertProblem(api().postJson(location.path("workflows/switch/runs"), Map.of("contactId", on)), 404, "switch");
        String later = scenario.contact("Lana", "lana.later@example.com");
        scenario.tag(later, "switch-on");
        Scenario.sleep(2000);
        assertThat(scenario.runsOf(later)).as("a deleted workflow's trigger starts nothing").isEmpty();
    }

    private static String waiting(String tag) {
        return Scenario.fixture(WorkflowVersionsIT.class, "waiting").replace("VERSION_TAG", tag);
    }

    private static ApiClient.Response putDraft(String key, String xml) {
        return api().send("PUT", location.path("workflows/" + key.replace(" ", "%20") + "/draft"), "application/xml",
                xml.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> elements(JsonNode errors) {
        List<String> elements = new ArrayList<>();
        errors.forEach(error -> {
            if (error.has("element")) {
                elements.add(error.get("element").asText());
            }
        });
        return elements;
    }

    private static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response.json();
    }

    private static ApiClient api() {
        return location.api();
    }
}
