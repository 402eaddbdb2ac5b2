package dev.switchboard.acceptance.crm;

import static dev.switchboard.acceptance.crm.PipelineFixtures.contact;
import static dev.switchboard.acceptance.crm.PipelineFixtures.ids;
import static dev.switchboard.acceptance.crm.PipelineFixtures.opportunity;
import static dev.switchboard.acceptance.crm.PipelineFixtures.pipeline;
import static dev.switchboard.acceptance.crm.PipelineFixtures.stage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.Problems;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.TestLocation;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Opportunities through the API: every field, merge patch, stage history, history on the contact's
 * timeline, lists, the workflows their events start, and bad input.
 */
@ExtendWith(PlatformExtension.class)
class OpportunitiesApiIT {

    @Test
    void anOpportunityKeepsEveryFieldAndStartsInThePipelinesFirstStage(TestLocation location) {
        ApiClient api = location.api();
        Response field = api.postJson(location.path("custom-fields"), Map.of("model", "opportunity", "key", "probability",
                "name", "Probability", "type", "number"));
        assertThat(field.status()).as(field.body()).isEqualTo(201);
        JsonNode pipeline = pipeline(api, location, "Fields", "Prospect", "Proposal");
        String contact = contact(api, location, "Ada");
        String me = api.get("me").json().get("user").get("id").asText();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "  Analytical engine  ");
        body.put("contactId", contact);
        body.put("pipelineId", pipeline.get("id").asText());
        body.put("monetaryValue", 1234.5);
        body.put("currency", "eur");
        body.put("assignedTo", me);
        body.put("source", "webinar");
        body.put("customFields", Map.of("probability", 60));
        Response created = api.postJson(location.path("opportunities"), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode opportunity = created.json();
        assertThat(opportunity.get("name").asText()).isEqualTo("Analytical engine");
        assertThat(opportunity.get("pipelineStageId").asText()).isEqualTo(stage(pipeline, "Prospect"));
        assertThat(opportunity.get("status").asText()).isEqualTo("open");
        assertThat(opportunity.get("monetaryValue").decimalValue()).isEqualByComparingTo(new BigDecimal("1234.50"));
        assertThat(opportunity.get("currency").asText()).isEqualTo("EUR");
        assertThat(opportunity.get("assignedTo").asText()).isEqualTo(me);
        assertThat(opportunity.get("source").asText()).isEqualTo("webinar");
        assertThat(opportunity.get("customFields").get("probability").asInt()).isEqualTo(60);
        assertThat(opportunity.get("locationId").asText()).isEqualTo(location.id());
        assertThat(opportunity.has("lostReason")).isFalse();
        assertThat(opportunity.get("createdAt").asText()).isNotBlank();
        assertThat(opportunity.get("lastStageChangeAt").asText()).isEqualTo(opportunity.get("createdAt").asText());
        assertThat(opportunity.get("lastStatusChangeAt").asText()).isEqualTo(opportunity.get("createdAt").asText());
        String id = opportunity.get("id").asText();
        assertThat(api.get(location.path("opportunities/" + id)).json()).isEqualTo(opportunity);

        JsonNode history = api.get(location.path("opportunities/" + id + "/stage-history")).json().get("items");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).has("fromStageId")).isFalse();
        assertThat(history.get(0).get("toStageName").asText()).isEqualTo("Prospect");

        Response plain = api.postJson(location.path("opportunities"), Map.of("name", "Plain", "contactId", contact,
                "pipelineId", pipeline.get("id").asText(), "pipelineStageId", stage(pipeline, "Proposal")));
        assertThat(plain.status()).as(plain.body()).isEqualTo(201);
        assertThat(plain.json().get("currency").asText()).isEqualTo("USD");
        assertThat(plain.json().has("monetaryValue")).isFalse();
        assertThat(plain.json().get("pipelineStageId").asText()).isEqualTo(stage(pipeline, "Proposal"));
    }

    @Test
    void aMergePatchMovesChangesAndClearsAndHistoryShowsOnTheContactsTimeline(TestLocation location) {
        ApiClient api = location.api();
        JsonNode pipeline = pipeline(api, location, "Patch", "New", "Negotiation", "Closed");
        String contact = contact(api, location, "Grace");
        JsonNode created = opportunity(api, location, "Compiler licence", contact, pipeline, "New",
                Map.of("monetaryValue", 1000, "source", "referral"));
        String id = created.get("id").asText();
        String path = location.path("opportunities/" + id);

        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("pipelineStageId", stage(pipeline, "Negotiation"));
        patch.put("monetaryValue", 1500.25);
        patch.put("name", "Compiler licence, 2 seats");
        patch.put("source", null);
        Response patched = api.patchJson(path, patch);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        JsonNode moved = patched.json();
        assertThat(moved.get("pipelineStageId").asText()).isEqualTo(stage(pipeline, "Negotiation"));
        assertThat(moved.get("monetaryValue").decimalValue()).isEqualByComparingTo(new BigDecimal("1500.25"));
        assertThat(moved.get("name").asText()).isEqualTo("Compiler licence, 2 seats");
        assertThat(moved.has("source")).isFalse();
        assertThat(moved.get("status").asText()).isEqualTo("open");
        assertThat(moved.get("lastStageChangeAt").asText()).isNotEqualTo(created.get("lastStageChangeAt").asText());
        assertThat(moved.get("lastStatusChangeAt").asText()).isEqualTo(created.get("lastStatusChangeAt").asText());

        Response lost = api.patchJson(path, Map.of("status", "lost", "lostReason", "went with a competitor",
                "pipelineStageId", stage(pipeline, "Closed")));
        assertThat(lost.status()).as(lost.body()).isEqualTo(200);
        assertThat(lost.json().get("status").asText()).isEqualTo("lost");
        assertThat(lost.json().get("lostReason").asText()).isEqualTo("went with a competitor");
        assertThat(lost.json().get("lastStatusChangeAt").asText()).isNotEqualTo(created.get("lastStatusChangeAt").asText());
        Response reopened = api.patchJson(path, Map.of("status", "open"));
        assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
        assertThat(reopened.json().has("lostReason")).as("leaving lost clears the reason").isFalse();
        Problems.assertFieldError(api.patchJson(path, Map.of("lostReason", "too early")), "/lostReason", "only a lost opportunity");

        JsonNode stages = api.get(path + "/stage-history").json().get("items");
        assertThat(stages).extracting(change -> change.get("toStageName").asText()).containsExactly("New", "Negotiation", "Closed");
        assertThat(stages.get(1).get("fromStageName").asText()).isEqualTo("New");
        assertThat(stages.get(2).get("fromStageId").asText()).isEqualTo(stage(pipeline, "Negotiation"));
        JsonNode firstPage = api.get(path + "/stage-history?limit=2").json();
        assertThat(firstPage.get("items")).hasSize(2);
        JsonNode secondPage = api.get(path + "/stage-history?limit=2&cursor=" + firstPage.get("nextCursor").asText()).json();
        assertThat(secondPage.get("items")).extracting(change -> change.get("toStageName").asText()).containsExactly("Closed");

        Map<String, JsonNode> byField = new HashMap<>();
        List<String> fields = new ArrayList<>();
        for (JsonNode change : PipelineFixtures.changes(api, location, contact, id)) {
            assertThat(change.get("subjectType").asText()).isEqualTo("OPPORTUNITY");
            assertThat(change.get("actorType").asText()).isEqualTo("USER");
            fields.add(change.get("field").asText());
            byField.putIfAbsent(change.get("field").asText(), change);
        }
        assertThat(fields).contains("created", "pipelineStageId", "monetaryValue", "name", "source", "status", "lostReason");
        assertThat(byField.get("pipelineStageId").get("before").asText()).isEqualTo(stage(pipeline, "New"));
        assertThat(byField.get("pipelineStageId").get("after").asText()).isEqualTo(stage(pipeline, "Negotiation"));
        assertThat(byField.get("monetaryValue").get("before").decimalValue()).isEqualByComparingTo(new BigDecimal("1000"));
        assertThat(byField.get("monetaryValue").get("after").decimalValue()).isEqualByComparingTo(new BigDecimal("1500.25"));
        assertThat(byField.get("source").get("before").asText()).isEqualTo("referral");
        assertThat(byField.get("source").hasNonNull("after")).isFalse();
        assertThat(byField.get("status").get("before").asText()).isEqualTo("open");
        assertThat(byField.get("status").get("after").asText()).isEqualTo("lost");

        // another pipeline without a stage: its first stage
        JsonNode other = pipeline(api, location, "Second", "Intake", "Done");
        Response switched = api.patchJson(path, Map.of("pipelineId", other.get("id").asText()));
        assertThat(switched.status()).as(switched.body()).isEqualTo(200);
        assertThat(switched.json().get("pipelineStageId").asText()).isEqualTo(stage(other, "Intake"));
        // a patch that changes nothing records nothing
        int entries = PipelineFixtures.changes(api, location, contact, id).size();
        JsonNode same = api.patchJson(path, Map.of("name", "Compiler licence, 2 seats")).json();
        assertThat(same.get("updatedAt").asText()).isEqualTo(switched.json().get("updatedAt").asText());
        assertThat(PipelineFixtures.changes(api, location, contact, id)).hasSize(entries);

        assertThat(api.delete(path).status()).isEqualTo(204);
        Problems.assertProblem(api.get(path), 404, "opportunity");
        assertThat(PipelineFixtures.changes(api, location, contact, id)).extracting(change -> change.get("field").asText())
                .as("the history stays on the timeline").contains("created", "deleted");
    }

    @Test
    void theListFiltersAndPagesWithoutLosingOrRepeatingAnOpportunity(TestLocation location) {
        ApiClient api = location.api();
        JsonNode pipeline = pipeline(api, location, "List", "Open", "Later");
        String alice = contact(api, location, "Alice");
        String bob = contact(api, location, "Bob");
        String me = api.get("me").json().get("user").get("id").asText();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            all.add(opportunity(api, location, "Deal " + i, i % 2 == 0 ? alice : bob, pipeline, i < 5 ? "Open" : "Later",
                    i == 3 ? Map.of("status", "won", "assignedTo", me) : Map.of()).get("id").asText());
        }
        String base = location.path("opportunities?pipelineId=" + pipeline.get("id").asText());
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(base + "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(item -> seen.add(item.get("id").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        List<String> newestFirst = new ArrayList<>(all);
        Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);

        assertThat(ids(api.get(base + "&sort=createdAt&order=asc"))).containsExactlyElementsOf(all);
        assertThat(ids(api.get(base + "&contactId=" + alice))).containsExactlyInAnyOrder(all.get(0), all.get(2), all.get(4), all.get(6));
        assertThat(ids(api.get(base + "&pipelineStageId=" + stage(pipeline, "Later")))).containsExactlyInAnyOrder(all.get(5), all.get(6));
        assertThat(ids(api.get(base + "&status=won"))).containsExactly(all.get(3));
        assertThat(ids(api.get(base + "&status=open"))).hasSize(6);
        assertThat(ids(api.get(base + "&assignedTo=" + me))).containsExactly(all.get(3));

        Problems.assertProblem(api.get(location.path("opportunities?status=closed")), 400, "status");
        Problems.assertProblem(api.get(location.path("opportunities?pipelineId=nope")), 400, "pipelineId");
        Problems.assertProblem(api.get(location.path("opportunities?sort=value")), 400, "sort");
        Problems.assertProblem(api.get(location.path("opportunities?cursor=bm9wZQ")), 400, "cursor");
        Problems.assertProblem(api.get(base + "&sort=createdAt&cursor=" + api.get(base + "&limit=1").json().get("nextCursor")
                .asText()), 400, "cursor");
    }

    @Test
    void reachingTheWonStageStartsTheWorkflowOnceAndAnotherStageNone(TestLocation location) {
        Scenario scenario = new Scenario(location);
        ApiClient api = location.api();
        scenario.deployFixture(OpportunitiesApiIT.class, "on-stage-won");
        scenario.deployFixture(OpportunitiesApiIT.class, "on-status-lost");
        JsonNode pipeline = pipeline(api, location, "Triggers", "New", "Qualified", "Won");
        String closer = contact(api, location, "Carla");
        String path = location.path("opportunities/"
                + opportunity(api, location, "Big one", closer, pipeline, "New", Map.of()).get("id").asText());

        // events of a location reach the workflows in order: when the move to Won has started its run,
        // the move to Qualified has been seen and started none
        assertThat(api.patchJson(path, Map.of("pipelineStageId", stage(pipeline, "Qualified"))).status()).isEqualTo(200);
        assertThat(api.patchJson(path, Map.of("pipelineStageId", stage(pipeline, "Won"))).status()).isEqualTo(200);
        List<JsonNode> runs = scenario.endedRuns(closer, 1, Duration.ofSeconds(60));
        assertThat(runs.get(0).get("workflowKey").asText()).isEqualTo("opportunity-reached-won");
        assertThat(runs.get(0).get("state").asText()).isEqualTo("COMPLETED");

        // a status change is an event of its own, with the status in lower case
        String loser = contact(api, location, "Lou");
        String lostPath = location.path("opportunities/"
                + opportunity(api, location, "Small one", loser, pipeline, "Qualified", Map.of()).get("id").asText());
        assertThat(api.patchJson(lostPath, Map.of("status", "lost")).status()).isEqualTo(200);
        assertThat(api.patchJson(lostPath, Map.of("pipelineStageId", stage(pipeline, "Won"), "status", "open")).status())
                .isEqualTo(200);
        List<JsonNode> loserRuns = scenario.awaitRuns(loser, Duration.ofSeconds(60), found -> found.size() == 2
                && found.stream().noneMatch(run -> "RUNNING".equals(run.get("state").asText())));
        assertThat(loserRuns).extracting(run -> run.get("workflowKey").asText())
                .containsExactlyInAnyOrder("opportunity-lost", "opportunity-reached-won");
        assertThat(scenario.runsOf(closer)).hasSize(1);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndNothingIsWritten(TestLocation location) {
        ApiClient api = location.api();
        JsonNode pipeline = pipeline(api, location, "Strict", "First", "Second");
        JsonNode otherPipeline = pipeline(api, location, "Neighbour", "Elsewhere");
        String contact = contact(api, location, "Strict");
        String other = PipelineFixtures.otherLocation(api);
        String foreignContact = PipelineFixtures.contact(api, other, "Foreign");
        JsonNode foreignPipeline = PipelineFixtures.pipeline(api, other, "Foreign", "Theirs");
        String opportunities = location.path("opportunities");

        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("name", "Valid");
        valid.put("contactId", contact);
        valid.put("pipelineId", pipeline.get("id").asText());
        valid.put("pipelineStageId", stage(pipeline, "First"));

        Problems.assertFieldError(api.postJson(opportunities, with(valid, "contactId", foreignContact)), "/contactId", "no contact");
        Problems.assertFieldError(api.postJson(opportunities, with(valid, "contactId", UUID.randomUUID().toString())),
                "/contactId", "no contact");
        Problems.assertFieldError(api.postJson(opportunities, with(valid, "pipelineId", foreignPipeline.get("id").asText())),
                "/pipelineId", "no pipeline");
        Problems.assertFieldError(api.postJson(opportunities, with(valid, "pipelineStageId", stage(foreignPipeline, "Theirs"))),
                "/pipelineStageId", "no stage");
        Problems.assertFieldError(api.postJson(opportunities, with(valid, "pipelineStageId", stage(otherPipeline, "Elsewhere"))),
                "/pipelineStageId", "not a stage of pipeline");
        Problems.assertFieldError(api.postJson(opportunities, with(valid, "status", "closed")), "/status", "open, won, lost");
        Problems.assertFieldError(api.postJson(opportunities, with(valid, "status", "WON")), "/status", "open, won, lost");
        Problems.assertFieldError(api.postJson(opportunities, with(valid, "monetaryValue", -1)), "/monetaryValue", "0 or more");
        Problems.assertFieldError(api.postJson(opportunities, with(valid, "monetaryValue", 1.005)), "/monetaryValue", "two decimal");
        Problems.assertFieldError(api.postJson(opportunities, with(valid, "monetaryValue", new BigDecimal("10000000000000.01"))),
                "/monetaryValue", "10^13");
        Problems.assertFieldError(api.postJson(opportunities, with(valid, "monetaryValue", "100")), "/monetaryValue", "number");
        Problems.assertFieldError(api.postJson(opportunities, with(valid, "currency", "dollars")), "/currency", "ISO 4217");
        Problems.assertFieldError(api.postJson(opportunities, with(valid, "currency", "ABC")), "/currency", "ISO 4217");
        Problems.assertFieldError(api.postJson(opportunities, with(valid, "customFields", Map.of("nope", 1))),
                "/customFields/nope", "unknown custom field");
        Problems.assertFieldError(api.postJson(opportunities, with(valid, "name", "x".repeat(201))), "/name", "200");
        Problems.assertFieldError(api.postJson(opportunities, with(valid, "name", 42)), "/name", "string");
        Problems.assertFieldError(api.postJson(opportunities, with(valid, "name", " ")), "/name", "blank");
        Problems.assertFieldError(api.postJson(opportunities, with(valid, "contactId", "nope")), "/contactId", "id");
        Problems.assertFieldError(api.postJson(opportunities, with(valid, "assignedTo", UUID.randomUUID().toString())),
                "/assignedTo", "no user");
        Problems.assertFieldError(api.postJson(opportunities, with(valid, "source", "s".repeat(201))), "/source", "200");
        Problems.assertFieldError(api.postJson(opportunities, with(valid, "lostReason", "early")), "/lostReason", "lost");
        Problems.assertFieldError(api.postJson(opportunities, with(valid, "shoeSize", 42)), "/shoeSize", "unknown field");
        Problems.assertFieldError(api.postJson(opportunities, with(valid, "createdAt", "2020-01-01T00:00:00Z")),
                "/createdAt", "cannot be written");
        Problems.assertFieldError(api.postJson(opportunities, Map.of("name", "Nothing else")), "/contactId", "null");
        Problems.assertFieldError(api.postJson(opportunities, Map.of("name", "Nothing else")), "/pipelineId", "null");
        Problems.assertProblem(api.postJson(opportunities, "[1]"), 400, "");
        assertThat(ids(api.get(location.path("opportunities?contactId=" + contact)))).as("nothing was written").isEmpty();

        String id = api.postJson(opportunities, valid).json().get("id").asText();
        String path = location.path("opportunities/" + id);
        JsonNode before = api.get(path).json();
        Problems.assertFieldError(api.patchJson(path, Map.of("name", "Renamed", "pipelineStageId",
                stage(otherPipeline, "Elsewhere"))), "/pipelineStageId", "not a stage of pipeline");
        Problems.assertFieldError(api.patchJson(path, Map.of("name", "Renamed", "monetaryValue", -5)), "/monetaryValue", "0 or more");
        Problems.assertFieldError(api.patchJson(path, Map.of("contactId", foreignContact)), "/contactId", "no contact");
        Problems.assertFieldError(api.patchJson(path, with(Map.of(), "name", null)), "/name", "blank");
        Problems.assertFieldError(api.patchJson(path, Map.of("status", "won", "updatedAt", "2020-01-01T00:00:00Z")),
                "/updatedAt", "cannot be written");
        assertThat(api.get(path).json()).as("nothing was written").isEqualTo(before);
        assertThat(ids(api.get(location.path("opportunities/" + id + "/stage-history")))).hasSize(1);

        String foreign = PipelineFixtures.opportunityIn(api, other, foreignContact, foreignPipeline);
        Problems.assertProblem(api.get(location.path("opportunities/" + foreign)), 404, "opportunity");
        Problems.assertProblem(api.patchJson(location.path("opportunities/" + foreign), Map.of("name", "Mine")), 404, "opportunity");
        Problems.assertProblem(api.delete(location.path("opportunities/" + foreign)), 404, "opportunity");
        Problems.assertProblem(api.get(location.path("opportunities/" + foreign + "/stage-history")), 404, "opportunity");
        Problems.assertProblem(api.get(location.path("opportunities/not-an-id")), 404, "opportunity");
        assertThat(api.get(other + "opportunities/" + foreign).json().get("name").asText()).isEqualTo("Theirs");
    }

    private static Map<String, Object> with(Map<String, Object> body, String member, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(member, value);
        return copy;
    }
}
