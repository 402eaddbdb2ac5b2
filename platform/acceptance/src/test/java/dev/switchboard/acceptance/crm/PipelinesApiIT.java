package dev.switchboard.acceptance.crm;

import static dev.switchboard.acceptance.crm.PipelineFixtures.contact;
import static dev.switchboard.acceptance.crm.PipelineFixtures.opportunity;
import static dev.switchboard.acceptance.crm.PipelineFixtures.pipeline;
import static dev.switchboard.acceptance.crm.PipelineFixtures.stage;
import static dev.switchboard.acceptance.crm.PipelineFixtures.stageNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.Problems;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.TestLocation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pipelines through the API: stages in order, renames, reorders, deleting stages and pipelines, the board and bad input. */
@ExtendWith(PlatformExtension.class)
class PipelinesApiIT {

    @Test
    void aPipelineKeepsItsStagesInBoardOrderThroughAddsRenamesAndReorders(TestLocation location) {
        ApiClient api = location.api();
        JsonNode sales = pipeline(api, location, "Sales", "New", "Qualified", "Won");
        String path = location.path("pipelines/" + sales.get("id").asText());
        assertThat(stageNames(sales)).containsExactly("New", "Qualified", "Won");
        assertThat(sales.get("stages")).extracting(stage -> stage.get("position").asInt()).containsExactly(0, 1, 2);
        assertThat(api.get(path).json()).isEqualTo(sales);
        assertThat(ids(api, location.path("pipelines"))).contains(sales.get("id").asText());

        Response renamed = api.patchJson(path, Map.of("name", "Enterprise " + sales.get("name").asText()));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("name").asText()).startsWith("Enterprise Sales");
        Problems.assertProblem(api.patchJson(path, Map.of("name", pipeline(api, location, "Other", "Only").get("name")
                .asText().toUpperCase())), 409, "already has a pipeline named");

        Response added = api.postJson(path + "/stages", Map.of("name", "Proposal", "position", 2));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(stageNames(added.json())).containsExactly("New", "Qualified", "Proposal", "Won");
        Response atEnd = api.postJson(path + "/stages", Map.of("name", "Lost"));
        assertThat(stageNames(atEnd.json())).containsExactly("New", "Qualified", "Proposal", "Won", "Lost");
        assertThat(atEnd.json().get("stages")).extracting(stage -> stage.get("position").asInt()).containsExactly(0, 1, 2, 3, 4);
        Problems.assertProblem(api.postJson(path + "/stages", Map.of("name", "won")), 409, "already has a stage named");
        Problems.assertFieldError(api.postJson(path + "/stages", Map.of("name", "Later", "position", 9)), "/position", "0 to 5");
        Problems.assertFieldError(api.postJson(path + "/stages", Map.of("name", "Earlier", "position", -1)), "/position", "0");

        JsonNode pipeline = atEnd.json();
        Response stageRenamed = api.patchJson(path + "/stages/" + stage(pipeline, "Proposal"), Map.of("name", "Proposal sent"));
        assertThat(stageRenamed.status()).as(stageRenamed.body()).isEqualTo(200);
        assertThat(stageNames(stageRenamed.json())).containsExactly("New", "Qualified", "Proposal sent", "Won", "Lost");
        Problems.assertProblem(api.patchJson(path + "/stages/" + stage(pipeline, "New"), Map.of("name", "LOST")), 409, "stage named");
        Problems.assertProblem(api.patchJson(path + "/stages/" + UUID.randomUUID(), Map.of("name", "Ghost")), 404, "stage");

        List<String> reversed = new ArrayList<>();
        pipeline.get("stages").forEach(stage -> reversed.add(stage.get("id").asText()));
        Collections.reverse(reversed);
        Response reordered = api.putJson(path + "/stage-order", Map.of("stageIds", reversed));
        assertThat(reordered.status()).as(reordered.body()).isEqualTo(200);
        assertThat(stageNames(reordered.json())).containsExactly("Lost", "Won", "Proposal sent", "Qualified", "New");
        assertThat(reordered.json().get("stages")).extracting(stage -> stage.get("position").asInt()).containsExactly(0, 1, 2, 3, 4);
        assertThat(api.get(path).json().get("stages")).isEqualTo(reordered.json().get("stages"));

        Problems.assertFieldError(api.putJson(path + "/stage-order", Map.of("stageIds", reversed.subList(0, 4))),
                "/stageIds", "every stage");
        List<String> twice = new ArrayList<>(reversed.subList(0, 4));
        twice.add(reversed.get(0));
        Problems.assertFieldError(api.putJson(path + "/stage-order", Map.of("stageIds", twice)), "/stageIds/4", "twice");
        List<String> stranger = new ArrayList<>(reversed.subList(0, 4));
        stranger.add(UUID.randomUUID().toString());
        Problems.assertFieldError(api.putJson(path + "/stage-order", Map.of("stageIds", stranger)), "/stageIds/4",
                "no stage");
        assertThat(stageNames(api.get(path).json())).containsExactly("Lost", "Won", "Proposal sent", "Qualified", "New");
    }

    @Test
    void deletingAStageMovesItsOpportunitiesAndRecordsEachMove(TestLocation location) {
        ApiClient api = location.api();
        JsonNode pipeline = pipeline(api, location, "Renewals", "Due", "Contacted", "Renewed");
        String path = location.path("pipelines/" + pipeline.get("id").asText());
        String contact = contact(api, location, "Renata");
        JsonNode first = opportunity(api, location, "Renewal 2027", contact, pipeline, "Contacted", Map.of());
        JsonNode second = opportunity(api, location, "Renewal 2028", contact, pipeline, "Contacted", Map.of());
        String contacted = stage(pipeline, "Contacted");
        String renewed = stage(pipeline, "Renewed");

        Problems.assertProblem(api.delete(path + "/stages/" + contacted), 400, "2 opportunities");
        Response withoutTarget = api.delete(path + "/stages/" + contacted);
        assertThat(withoutTarget.json().get("errors").get(0).get("parameter").asText()).isEqualTo("moveTo");
        JsonNode elsewhere = pipeline(api, location, "Elsewhere", "Somewhere");
        Problems.assertProblem(api.delete(path + "/stages/" + contacted + "?moveTo=" + stage(elsewhere, "Somewhere")),
                400, "no stage");
        Problems.assertProblem(api.delete(path + "/stages/" + contacted + "?moveTo=" + contacted), 400, "being deleted");
        Problems.assertProblem(api.delete(path + "/stages/" + contacted + "?moveTo=nope"), 400, "moveTo");

        Response deleted = api.delete(path + "/stages/" + contacted + "?moveTo=" + renewed);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        JsonNode after = api.get(path).json();
        assertThat(stageNames(after)).containsExactly("Due", "Renewed");
        assertThat(after.get("stages")).extracting(stage -> stage.get("position").asInt()).containsExactly(0, 1);
        for (JsonNode moved : List.of(first, second)) {
            String id = moved.get("id").asText();
            JsonNode now = api.get(location.path("opportunities/" + id)).json();
            assertThat(now.get("pipelineStageId").asText()).isEqualTo(renewed);
            JsonNode history = api.get(location.path("opportunities/" + id + "/stage-history")).json().get("items");
            assertThat(history).hasSize(2);
            assertThat(history.get(1).get("fromStageId").asText()).isEqualTo(contacted);
            assertThat(history.get(1).get("fromStageName").asText()).as("the deleted stage's name is kept").isEqualTo("Contacted");
            assertThat(history.get(1).get("toStageName").asText()).isEqualTo("Renewed");
            List<JsonNode> changes = PipelineFixtures.changes(api, location, contact, id);
            JsonNode move = changes.get(changes.size() - 1);
            assertThat(move.get("field").asText()).isEqualTo("pipelineStageId");
            assertThat(move.get("before").asText()).isEqualTo(contacted);
            assertThat(move.get("after").asText()).isEqualTo(renewed);
        }
        // a stage without opportunities needs no target
        assertThat(api.delete(path + "/stages/" + stage(pipeline, "Due")).status()).isEqualTo(204);
        Problems.assertProblem(api.delete(path + "/stages/" + renewed + "?moveTo=" + renewed), 409, "last stage");

        Problems.assertProblem(api.delete(path), 409, "2 opportunities");
        assertThat(api.delete(location.path("opportunities/" + first.get("id").asText())).status()).isEqualTo(204);
        assertThat(api.delete(location.path("opportunities/" + second.get("id").asText())).status()).isEqualTo(204);
        assertThat(api.delete(path).status()).isEqualTo(204);
        Problems.assertProblem(api.get(path), 404, "pipeline");
    }

    @Test
    void theBoardCountsAndSumsEachStageAndPagesItsCards(TestLocation location) {
        ApiClient api = location.api();
        JsonNode pipeline = pipeline(api, location, "Board", "Lead", "Demo", "Closed");
        String buyer = contact(api, location, "Bea");
        List<String> leads = new ArrayList<>();
        leads.add(opportunity(api, location, "A", buyer, pipeline, "Lead", Map.of("monetaryValue", 100)).get("id").asText());
        leads.add(opportunity(api, location, "B", buyer, pipeline, "Lead", Map.of("monetaryValue", 200.5)).get("id").asText());
        leads.add(opportunity(api, location, "C", buyer, pipeline, "Lead",
                Map.of("monetaryValue", 300, "currency", "EUR")).get("id").asText());
        leads.add(opportunity(api, location, "D", buyer, pipeline, "Lead", Map.of()).get("id").asText());
        leads.add(opportunity(api, location, "E", buyer, pipeline, "Lead",
                Map.of("monetaryValue", 50, "status", "lost", "lostReason", "budget")).get("id").asText());
        String trashed = contact(api, location, "Trevor");
        opportunity(api, location, "F", trashed, pipeline, "Demo", Map.of("monetaryValue", 999));
        opportunity(api, location, "G", buyer, pipeline, "Demo", Map.of("monetaryValue", 10));
        assertThat(api.delete(location.path("contacts/" + trashed)).status()).isEqualTo(204);

        Response answer = api.get(location.path("pipelines/" + pipeline.get("id").asText() + "/board?limit=2"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode board = answer.json();
        assertThat(board.get("name").asText()).isEqualTo(pipeline.get("name").asText());
        assertThat(board.get("stages")).extracting(stage -> stage.get("name").asText()).containsExactly("Lead", "Demo", "Closed");
        JsonNode lead = board.get("stages").get(0);
        assertThat(lead.get("count").asLong()).isEqualTo(5);
        assertThat(lead.get("totals")).hasSize(2);
        assertThat(lead.get("totals").get(0).get("currency").asText()).isEqualTo("EUR");
        assertThat(lead.get("totals").get(0).get("amount").decimalValue()).isEqualByComparingTo(new BigDecimal("300.00"));
        assertThat(lead.get("totals").get(1).get("currency").asText()).isEqualTo("USD");
        assertThat(lead.get("totals").get(1).get("amount").decimalValue()).isEqualByComparingTo(new BigDecimal("350.50"));
        assertThat(lead.get("items")).hasSize(2);
        // most recently updated first: E was created last
        assertThat(lead.get("items").get(0).get("id").asText()).isEqualTo(leads.get(4));
        assertThat(lead.get("items").get(1).get("id").asText()).isEqualTo(leads.get(3));

        List<String> seen = new ArrayList<>();
        lead.get("items").forEach(item -> seen.add(item.get("id").asText()));
        String cursor = lead.get("nextCursor").asText();
        while (cursor != null) {
            JsonNode page = api.get(location.path("opportunities?pipelineStageId=" + stage(pipeline, "Lead")
                    + "&limit=2&cursor=" + cursor)).json();
            page.get("items").forEach(item -> seen.add(item.get("id").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(leads).doesNotHaveDuplicates();

        JsonNode demo = board.get("stages").get(1);
        assertThat(demo.get("count").asLong()).as("the trashed contact's opportunity is left out").isEqualTo(1);
        assertThat(demo.get("totals").get(0).get("amount").decimalValue()).isEqualByComparingTo(new BigDecimal("10"));
        assertThat(demo.has("nextCursor")).isFalse();
        JsonNode closed = board.get("stages").get(2);
        assertThat(closed.get("count").asLong()).isZero();
        assertThat(closed.get("totals")).isEmpty();
        assertThat(closed.get("items")).isEmpty();

        assertThat(api.postJson(location.path("contacts/" + trashed + "/restore"), Map.of()).status()).isEqualTo(200);
        JsonNode restored = api.get(location.path("pipelines/" + pipeline.get("id").asText() + "/board")).json();
        assertThat(restored.get("stages").get(1).get("count").asLong()).isEqualTo(2);
        assertThat(restored.get("stages").get(1).get("totals").get(0).get("amount").decimalValue())
                .isEqualByComparingTo(new BigDecimal("1009.00"));
        assertThat(restored.get("stages").get(0).get("items")).hasSize(5);

        Problems.assertProblem(api.get(location.path("pipelines/" + pipeline.get("id").asText() + "/board?limit=101")),
                400, "limit");
        Problems.assertProblem(api.get(location.path("pipelines/" + UUID.randomUUID() + "/board")), 404, "pipeline");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndNothingIsWritten(TestLocation location) {
        ApiClient api = location.api();
        String pipelines = location.path("pipelines");
        int before = api.get(pipelines).json().size();
        Problems.assertFieldError(api.postJson(pipelines, Map.of("name", "No stages")), "/stages", "null");
        Problems.assertFieldError(api.postJson(pipelines, Map.of("name", "Empty", "stages", List.of())), "/stages", "between 1 and 50");
        List<Map<String, String>> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(Map.of("name", "Stage " + i));
        }
        Problems.assertFieldError(api.postJson(pipelines, Map.of("name", "Crowded", "stages", tooMany)), "/stages", "between 1 and 50");
        Problems.assertFieldError(api.postJson(pipelines, Map.of("name", "x".repeat(101), "stages", List.of(Map.of("name", "A")))),
                "/name", "100");
        Problems.assertFieldError(api.postJson(pipelines, Map.of("name", "Long stage", "stages",
                List.of(Map.of("name", "A"), Map.of("name", "y".repeat(101))))), "/stages/1/name", "100");
        Problems.assertFieldError(api.postJson(pipelines, Map.of("name", "Twice", "stages",
                List.of(Map.of("name", "Same"), Map.of("name", "same")))), "/stages/1/name", "twice");
        Problems.assertFieldError(api.postJson(pipelines, Map.of("name", "  ", "stages", List.of(Map.of("name", "A")))),
                "/name", "blank");
        Problems.assertFieldError(api.postJson(pipelines, Map.of("name", 7, "stages", List.of(Map.of("name", "A")))),
                "/name", "string");
        Problems.assertFieldError(api.postJson(pipelines, Map.of("name", "Shapes", "stages", List.of("A"))), "/stages/0", "object");
        Problems.assertFieldError(api.postJson(pipelines, Map.of("name", "Extra", "stages", List.of(Map.of("name", "A")),
                "color", "red")), "/color", "unknown field");
        Problems.assertFieldError(api.postJson(pipelines, Map.of("name", "Nul\u0000", "stages", List.of(Map.of("name", "A")))),
                "/name", "NUL");
        assertThat(api.get(pipelines).json().size()).as("nothing was written").isEqualTo(before);

        JsonNode taken = pipeline(api, location, "Taken", "One");
        Problems.assertProblem(api.postJson(pipelines, Map.of("name", taken.get("name").asText().toLowerCase(),
                "stages", List.of(Map.of("name", "A")))), 409, "already has a pipeline named");

        String other = PipelineFixtures.otherLocation(api);
        JsonNode foreign = PipelineFixtures.pipeline(api, other, "Foreign", "Theirs");
        String foreignPath = location.path("pipelines/" + foreign.get("id").asText());
        Problems.assertProblem(api.get(foreignPath), 404, "pipeline");
        Problems.assertProblem(api.patchJson(foreignPath, Map.of("name", "Mine now")), 404, "pipeline");
        Problems.assertProblem(api.delete(foreignPath), 404, "pipeline");
        Problems.assertProblem(api.postJson(foreignPath + "/stages", Map.of("name", "Mine")), 404, "pipeline");
        Problems.assertProblem(api.get(foreignPath + "/board"), 404, "pipeline");
        Problems.assertProblem(api.get(location.path("pipelines/not-an-id")), 404, "pipeline");
        assertThat(ids(api, location.path("pipelines"))).doesNotContain(foreign.get("id").asText());
        assertThat(api.get(other + "pipelines/" + foreign.get("id").asText()).json().get("name").asText())
                .isEqualTo(foreign.get("name").asText());
    }

    private static List<String> ids(ApiClient api, String path) {
        Response list = api.get(path);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
