package dev.switchboard.acceptance.workflows;

import static dev.switchboard.acceptance.support.Scenario.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.TestLocation;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform's own workflow actions, run by a real engine and checked through the API as a user
 * would see their effect: on the contact, its notes, tasks and opportunities, other workflows' runs,
 * and the run log.
 */
@ExtendWith(PlatformExtension.class)
class BuiltInActionsIT {

    private static final Duration SOON = Duration.ofSeconds(60);

    private static Scenario scenario;
    private static TestLocation location;

    @BeforeAll
    static void setUp(TestLocation testLocation) {
        location = testLocation;
        scenario = new Scenario(location);
        ApiClient api = location.api();
        ok(api.postJson(location.path("custom-fields"), Map.of("key", "score", "name", "Score", "type", "number")));
        ok(api.postJson(location.path("pipelines"), Map.of("name", "Built-in sales",
                "stages", List.of(Map.of("name", "New"), Map.of("name", "Qualified"), Map.of("name", "Proposal")))));
        for (String fixture : List.of("second-workflow", "every-action", "nurture", "booked", "bad-field", "together",
                "refused-variable")) {
            scenario.deployFixture(BuiltInActionsIT.class, fixture);
        }
    }

    @Test
    void theCatalogListsTheBuiltInActionsWithTheirInputs() {
        JsonNode templates = location.api().get(location.path("element-templates")).json();
        List<String> ids = new ArrayList<>();
        templates.forEach(template -> ids.add(template.get("id").asText()));
        assertThat(ids).contains("switchboard.contact.add_tag", "switchboard.contact.remove_tag",
                "switchboard.contact.update_field", "switchboard.contact.upsert", "switchboard.contact.add_note",
                "switchboard.contact.create_task", "switchboard.opportunity.upsert", "switchboard.opportunity.set_status",
                "switchboard.workflow.set_variable", "switchboard.workflow.add_contact", "switchboard.contact.assign_user",
                "switchboard.workflow.remove_contact", "switchboard.notification.send");
        JsonNode setStatus = byId(templates, "switchboard.opportunity.set_status");
        assertThat(setStatus.get("metadata").get("pluginId").asText()).isEqualTo("platform");
        assertThat(setStatus.toString()).contains("\"Dropdown\"", "\"won\"", "\"lost\"");
    }

    @Test
    void eachActionChangesWhatItNamesAndTheRunLogSaysWhat() {
        ApiClient api = location.api();
        String contact = ok(api.postJson(location.path("contacts"), Map.of("firstName", "Ada", "email", "ada@example.com",
                "tags", List.of("cold")))).get("id").asText();

        scenario.tag(contact, "new-lead");

        List<JsonNode> runs = scenario.awaitRuns(contact, SOON, all -> all.size() == 2
                && all.stream().noneMatch(run -> "RUNNING".equals(run.get("state").asText())));
        JsonNode run = Scenario.byWorkflow(runs, "every-action");
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("COMPLETED");
        for (String task : List.of("tag", "untag", "city", "score", "note", "task", "deal", "advance", "won", "plan",
                "tagGold", "referral", "second")) {
            JsonNode step = step(run, task);
            assertThat(step.get("status").asText()).as(task + ": " + step).isEqualTo("COMPLETED");
            assertThat(step.get("pluginId").asText()).isEqualTo("platform");
            assertThat(step.get("attempts").asInt()).isEqualTo(1);
        }
        assertThat(step(run, "deal").get("summary").asText()).startsWith("created").contains("Qualified");
        assertThat(step(run, "advance").get("summary").asText()).startsWith("moved").contains("Proposal");
        assertThat(step(run, "note").get("inputs").get("body").asText()).as("inputs as rendered")
                .isEqualTo("Ada came in from the website.");
        assertThat(step(run, "deal").get("outputs").get("created").asText()).isEqualTo("true");
        assertThat(step(run, "advance").get("outputs").get("created").asText()).isEqualTo("false");
        assertThat(step(run, "plan").get("outputs").get("plan").asText()).isEqualTo("gold-Ada");

        JsonNode after = api.get(location.path("contacts/" + contact)).json();
        assertThat(scenario.tags(contact)).contains("welcomed", "new-lead", "gold", "second").doesNotContain("cold");
        assertThat(after.get("city").asText()).isEqualTo("Paris");
        assertThat(after.get("customFields").get("score").decimalValue()).isEqualByComparingTo("42.5");

        JsonNode notes = api.get(location.path("contacts/" + contact + "/notes")).json().get("items");
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).get("body").asText()).isEqualTo("Ada came in from the website.");

        JsonNode tasks = api.get(location.path("contacts/" + contact + "/tasks")).json().get("items");
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("title").asText()).isEqualTo("Call Ada");
        assertThat(OffsetDateTime.parse(tasks.get(0).get("dueDate").asText()))
                .isBetween(OffsetDateTime.now().plusDays(1), OffsetDateTime.now().plusDays(3));

        JsonNode opportunities = api.get(location.path("opportunities?contactId=" + contact)).json().get("items");
        assertThat(opportunities).as("created once, then moved, not created again").hasSize(1);
        JsonNode deal = opportunities.get(0);
        assertThat(deal.get("name").asText()).isEqualTo("Ada");
        assertThat(deal.get("status").asText()).isEqualTo("won");
        assertThat(deal.get("monetaryValue").decimalValue()).isEqualByComparingTo("1200");

        JsonNode history = api.get(location.path("contacts/" + contact + "/timeline")).json();
        assertThat(history.toString()).as("changes are recorded as made by the run").contains(run.get("id").asText());

        JsonNode referrals = api.get(location.path("contacts?tag=from-workflow")).json().get("items");
        assertThat(referrals).hasSize(1);
        assertThat(referrals.get(0).get("firstName").asText()).isEqualTo("Referred by Ada");
        assertThat(texts(referrals.get(0).get("tags"))).contains("referral", "from-workflow");

        JsonNode second = Scenario.byWorkflow(runs, "second-workflow");
        assertThat(second.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(step(run, "second").get("summary").asText()).contains(second.get("id").asText());
    }

    @Test
    void assignUserHandsContactsOutInTurnSkippingUnavailableUsers() {
        ApiClient api = location.api();
        String agency = api.get("me").json().get("agency").get("id").asText();
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ApiClient.Response user = api.postJson("agencies/" + agency + "/users", Map.of("email",
                    "rotation-" + i + "-" + UUID.randomUUID() + "@example.test", "password", "rotation-password-" + i,
                    "locationRoles", Map.of(location.id(), "USER")));
            assertThat(user.status()).as(user.body()).isEqualTo(201);
            users.add(user.json().get("id").asText());
        }
        String outsider = UUID.randomUUID().toString();
        assertThat(scenario.deploy(Scenario.fixture(BuiltInActionsIT.class, "assign")
                .replace("USERS", String.join(", ", users.get(0), outsider, users.get(1), users.get(2)))).status()).isEqualTo(201);
        assertThat(api.postJson("agencies/" + agency + "/users/" + users.get(2) + "/disable", Map.of()).status()).isEqualTo(200);

        List<String> owners = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String contact = scenario.contact("Rota" + i, "rota" + i + ".assign@example.com");
            scenario.tag(contact, "assign-me");
            JsonNode run = scenario.endedRuns(contact, 1, SOON).get(0);
            assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("COMPLETED");
            owners.add(api.get(location.path("contacts/" + contact)).json().get("assignedTo").asText());
        }
        assertThat(owners).as("in turn; the unknown and the disabled user are skipped")
                .containsExactly(users.get(0), users.get(1), users.get(0), users.get(1));

        String owned = scenario.contact("Owned", "owned.assign@example.com");
        assertThat(api.patchJson(location.path("contacts/" + owned), Map.of("assignedTo", users.get(0))).status()).isEqualTo(200);
        scenario.tag(owned, "assign-me");
        JsonNode kept = scenario.endedRuns(owned, 1, SOON).get(0);
        assertThat(step(kept, "assignOwner").get("summary").asText()).startsWith("already assigned");
        assertThat(api.get(location.path("contacts/" + owned)).json().get("assignedTo").asText()).isEqualTo(users.get(0));
    }

    @Test
    void removingFromAWorkflowCancelsTheContactsRunThere() {
        String contact = scenario.contact("Grace", "grace.booked@example.com");
        scenario.tag(contact, "nurture");
        scenario.awaitRuns(contact, SOON, runs -> runs.size() == 1);

        scenario.tag(contact, "booked");

        List<JsonNode> runs = scenario.endedRuns(contact, 2, SOON);
        JsonNode nurture = Scenario.byWorkflow(runs, "nurture");
        assertThat(nurture.get("state").asText()).isEqualTo("CANCELLED");
        JsonNode booked = Scenario.byWorkflow(runs, "booked");
        assertThat(booked.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(step(booked, "leave").get("summary").asText()).isEqualTo("cancelled 1 run(s) of nurture");
        assertThat(scenario.tags(contact))
                .doesNotContain("nurtured");
    }

    @Test
    void aStepTheCrmRefusesFailsItsRunNamingTheField() {
        String contact = scenario.contact("Linus", "linus.bad@example.com");

        scenario.tag(contact, "bad-field");

        JsonNode run = scenario.endedRuns(contact, 1, SOON).get(0);
        assertThat(run.get("state").asText()).isEqualTo("FAILED");
        JsonNode set = step(run, "set");
        assertThat(set.get("status").asText()).isEqualTo("FAILED");
        assertThat(set.get("attempts").asInt()).isEqualTo(3);
        assertThat(set.get("error").asText()).contains("shoeSize");
        assertThat(run.get("error").asText()).contains("contact.update_field").contains("shoeSize");
        assertThat(Scenario.steps(run, "tag")).isEmpty();
    }

    @Test
    void stepsMadeInOneTransactionWithALaterFailureLeaveEachEffectOnce() {
        String contact = scenario.contact("Grace", "grace.together@example.com");

        scenario.tag(contact, "together");

        // the tag and the note were first made in the run's transaction, which the refused field rolled back;
        // they were then made again, by the action worker, and each effect is there once
        JsonNode run = scenario.endedRuns(contact, 1, SOON).get(0);
        assertThat(run.get("state").asText()).isEqualTo("FAILED");
        assertThat(step(run, "tag").get("status").asText()).isEqualTo("COMPLETED");
        assertThat(step(run, "note").get("status").asText()).isEqualTo("COMPLETED");
        assertThat(Scenario.steps(run, "tag")).hasSize(1);
        assertThat(Scenario.steps(run, "note")).hasSize(1);
        assertThat(step(run, "set").get("error").asText()).contains("shoeSize");
        ApiClient api = location.api();
        JsonNode notes = api.get(location.path("contacts/" + contact + "/notes")).json().get("items");
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).get("body").asText()).isEqualTo("Written once");
        assertThat(texts(api.get(location.path("contacts/" + contact)).json().get("tags"))).containsOnlyOnce("made-once");
        String timeline = api.get(location.path("contacts/" + contact + "/timeline")).json().toString();
        assertThat(timeline.split("made-once", -1)).as("the tag's change in the history, once: " + timeline).hasSize(2);
    }

    @Test
    void aStepThatRefusesItsInputsFailsAloneAndTheStepsBeforeItStay() {
        String contact = scenario.contact("contactId", "refused.variable@example.com");

        scenario.tag(contact, "refused-variable");

        JsonNode run = scenario.endedRuns(contact, 1, SOON).get(0);
        assertThat(run.get("state").asText()).isEqualTo("FAILED");
        JsonNode tag = step(run, "tag");
        assertThat(tag.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(tag.get("attempts").asInt()).isEqualTo(1);
        JsonNode set = step(run, "set");
        assertThat(set.get("status").asText()).isEqualTo("FAILED");
        assertThat(set.get("attempts").asInt()).isEqualTo(3);
        assertThat(set.get("error").asText()).contains("'contactId' is set by the platform");
        assertThat(texts(location.api().get(location.path("contacts/" + contact)).json().get("tags"))).contains("kept");
    }

    private static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response.json();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static JsonNode byId(JsonNode templates, String id) {
        for (JsonNode template : templates) {
            if (id.equals(template.get("id").asText())) {
                return template;
            }
        }
        throw new AssertionError("no template " + id);
    }
}
