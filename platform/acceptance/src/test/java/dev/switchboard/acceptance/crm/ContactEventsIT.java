package dev.switchboard.acceptance.crm;

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
 * Each change of a contact emits its declared event, and workflows start on them: tag removed, do not
 * disturb, a custom field's value (with a branch on the contact's custom and standard fields),
 * updated, deleted, merged.
 */
@ExtendWith(PlatformExtension.class)
class ContactEventsIT {

    private static final Duration SOON = Duration.ofSeconds(60);
    private static Scenario scenario;
    private static TestLocation location;

    @BeforeAll
    static void deploy(TestLocation testLocation) {
        location = testLocation;
        scenario = new Scenario(testLocation);
        for (String fixture : List.of("on-tag-removed", "on-dnd", "on-plan", "on-deleted", "on-merged", "on-updated")) {
            scenario.deployFixture(ContactEventsIT.class, fixture);
        }
        CustomFieldsApiIT.field(testLocation.api(), testLocation, Map.of("key", "ce_plan", "name", "Plan", "type", "singleOption",
                "options", List.of("silver", "gold")));
    }

    @Test
    void removingATagStartsTheWorkflowsOfThatTagOnly() {
        ApiClient api = location.api();
        String id = ContactsApiIT.create(api, location, Map.of("firstName", "Tagged", "tags", List.of("churn-risk", "other")));
        assertThat(api.delete(location.path("contacts/" + id + "/tags/other")).status()).isEqualTo(200);
        assertThat(api.delete(location.path("contacts/" + id + "/tags/churn-risk")).status()).isEqualTo(200);

        assertThat(workflows(scenario.awaitRuns(id, SOON, runs -> workflows(runs).contains("on-tag-removed"))))
                .containsOnlyOnce("on-tag-removed");
    }

    @Test
    void aCustomFieldChangeStartsAWorkflowThatBranchesOnTheContactsFields() {
        ApiClient api = location.api();
        String sonja = ContactsApiIT.create(api, location, Map.of("firstName", "Sonja", "city", "Oslo"));
        String erik = ContactsApiIT.create(api, location, Map.of("firstName", "Erik", "city", "Oslo"));
        for (String id : List.of(sonja, erik)) {
            assertThat(api.patchJson(location.path("contacts/" + id), Map.of("customFields", Map.of("ce_plan", "gold"))).status())
                    .isEqualTo(200);
        }

        JsonNode sonjasRun = run(scenario.awaitRuns(sonja, SOON, runs -> ended(runs, "on-plan")), "on-plan");
        JsonNode eriksRun = run(scenario.awaitRuns(erik, SOON, runs -> ended(runs, "on-plan")), "on-plan");
        assertThat(sonjasRun.get("state").asText()).as(sonjasRun.toString()).isEqualTo("COMPLETED");
        assertThat(Scenario.steps(sonjasRun, "goldInOslo")).hasSize(1);
        assertThat(Scenario.steps(eriksRun, "other")).hasSize(1);
    }

    @Test
    void doNotDisturbUpdatesDeletesAndMergesAreEvents() {
        ApiClient api = location.api();
        String quiet = ContactsApiIT.create(api, location, Map.of("firstName", "Quiet"));
        assertThat(api.patchJson(location.path("contacts/" + quiet), Map.of("dnd", true)).status()).isEqualTo(200);
        assertThat(workflows(scenario.awaitRuns(quiet, SOON, runs -> workflows(runs).containsAll(List.of("on-dnd", "on-updated")))))
                .contains("on-dnd", "on-updated");

        String gone = ContactsApiIT.create(api, location, Map.of("firstName", "Gone"));
        assertThat(api.delete(location.path("contacts/" + gone)).status()).isEqualTo(204);
        assertThat(workflows(scenario.awaitRuns(gone, SOON, runs -> workflows(runs).contains("on-deleted")))).contains("on-deleted");

        String primary = ContactsApiIT.create(api, location, Map.of("firstName", "Primary", "email", "primary@events.test"));
        String duplicate = ContactsApiIT.create(api, location, Map.of("firstName", "Duplicate", "email", "duplicate@events.test"));
        assertThat(api.postJson(location.path("contacts/" + primary + "/merge"), Map.of("duplicateId", duplicate)).status())
                .isEqualTo(200);
        assertThat(workflows(scenario.awaitRuns(primary, SOON, runs -> workflows(runs).contains("on-merged")))).contains("on-merged");
    }

    private static boolean ended(List<JsonNode> runs, String workflow) {
        return runs.stream().anyMatch(run -> run.get("workflowKey").asText().equals(workflow)
                && !"RUNNING".equals(run.get("state").asText()));
    }

    private static JsonNode run(List<JsonNode> runs, String workflow) {
        return runs.stream().filter(run -> run.get("workflowKey").asText().equals(workflow)).findFirst().orElseThrow();
    }

    private static List<String> workflows(List<JsonNode> runs) {
        List<String> keys = new ArrayList<>();
        runs.forEach(run -> keys.add(run.get("workflowKey").asText()));
        return keys;
    }
}
