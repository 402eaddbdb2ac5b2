package dev.switchboard.acceptance.segments;

import static dev.switchboard.acceptance.segments.SegmentsApiIT.ok;
import static dev.switchboard.acceptance.segments.SegmentsApiIT.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.acceptance.support.ImporterPlugin;
import dev.switchboard.acceptance.support.Problems;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bulk actions on a segment, a filter and a list of contacts: each is a job with progress and a
 * result, changes go through the contacts' own service (so tag events start workflows), a contact
 * that cannot be changed becomes one of the job's errors, and bad requests name their part.
 */
@ExtendWith(PlatformExtension.class)
class BulkActionsIT {

    private static final Duration WITHIN = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tagsASegmentAndEachTagStartsTheWorkflowsItTriggers(TestLocation location) {
        ApiClient api = location.api();
        new Scenario(location).deployFixture(BulkActionsIT.class, "on-reengage");
        String batch = "b" + UUID.randomUUID().toString().substring(0, 8);
        List<String> all = contacts(api, location, batch, 120, i -> i % 2 == 0 ? List.of(batch, "cold") : List.of(batch));
        List<String> cold = IntStream.range(0, all.size()).filter(i -> i % 2 == 0).mapToObj(all::get).toList();
        // one contact already has the tag: nothing changes for it
        assertThat(api.postJson(location.path("contacts/" + cold.get(0) + "/tags"), Map.of("tag", "reengage")).status()).isLessThan(300);
        String segment = ok(api.postJson(location.path("segments"), JSON.createObjectNode().put("name", "Cold " + batch)
                .set("filter", parse("{\"type\": \"tag\", \"operator\": \"hasAll\", \"value\": [\"" + batch + "\", \"cold\"]}"))))
                .get("id").asText();

        JsonNode job = start(api, location, Map.of("action", "addTags", "options", Map.of("tags", List.of("Reengage")), "segment", segment));
        JsonNode done = ImporterPlugin.awaitFinished(location, job.get("id").asText(), WITHIN);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.at("/progress/total").asLong()).isEqualTo(60);
        assertThat(done.at("/progress/done").asLong()).isEqualTo(60);
        assertThat(done.at("/result/changed").asLong()).isEqualTo(59);
        assertThat(count(api, location, "{\"all\": [{\"type\": \"tag\", \"operator\": \"hasAll\", \"value\": [\"" + batch
                + "\", \"reengage\"]}]}")).isEqualTo(60);

        // the tag events of the 59 contacts that got the tag started the workflow they trigger
        Scenario scenario = new Scenario(location);
        for (String id : cold.subList(1, 6)) {
            assertThat(scenario.awaitRuns(id, WITHIN, runs -> runs.size() >= 1)).isNotEmpty();
        }
    }

    @Test
    void removesTagsOfAListDeletesByFilterAndStartsAWorkflowForEveryone(TestLocation location, RunningPlatform platform) throws Exception {
        ApiClient api = location.api();
        String batch = "l" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = contacts(api, location, batch, 30, i -> List.of(batch, "promo"));

        JsonNode removed = ImporterPlugin.awaitFinished(location, start(api, location, Map.of("action", "removeTags",
                "options", Map.of("tags", List.of("promo")), "contacts", ids.subList(0, 10))).get("id").asText(), WITHIN);
        assertThat(removed.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(count(api, location, "{\"type\": \"tag\", \"operator\": \"hasAll\", \"value\": [\"" + batch + "\", \"promo\"]}"))
                .isEqualTo(20);

        new Scenario(location).deployFixture(BulkActionsIT.class, "nurture");
        JsonNode started = ImporterPlugin.awaitFinished(location, start(api, location, Map.of("action", "startWorkflow",
                "options", Map.of("workflow", "bulk-nurture"), "filter",
                parse("{\"type\": \"tag\", \"operator\": \"hasAny\", \"value\": [\"" + batch + "\"]}"))).get("id").asText(), WITHIN);
        assertThat(started.get("status").asText()).as(started.toString()).isEqualTo("SUCCEEDED");
        assertThat(started.at("/progress/done").asLong()).isEqualTo(30);
        try (Connection db = platform.database(UUID.fromString(location.id()));
             PreparedStatement runs = db.prepareStatement(
                     "SELECT count(*), count(DISTINCT contact_id) FROM workflow_run WHERE workflow_key = 'bulk-nurture' AND contact_id = ANY (?)")) {
            runs.setArray(1, db.createArrayOf("text", ids.toArray()));
            try (ResultSet row = runs.executeQuery()) {
                row.next();
                assertThat(row.getLong(1)).as("one run per contact").isEqualTo(30);
                assertThat(row.getLong(2)).isEqualTo(30);
            }
        }

        JsonNode deleted = ImporterPlugin.awaitFinished(location, start(api, location, Map.of("action", "delete", "filter",
                parse("{\"all\": [{\"type\": \"tag\", \"operator\": \"hasAny\", \"value\": [\"" + batch + "\"]}, "
                        + "{\"type\": \"tag\", \"operator\": \"hasNone\", \"value\": [\"promo\"]}]}"))).get("id").asText(), WITHIN);
        assertThat(deleted.at("/progress/done").asLong()).isEqualTo(10);
        assertThat(api.get(location.path("contacts/" + ids.get(0))).json().hasNonNull("deletedAt")).isTrue();
        assertThat(count(api, location, "{\"type\": \"tag\", \"operator\": \"hasAny\", \"value\": [\"" + batch + "\"]}")).isEqualTo(20);
    }

    @Test
    void aContactThatCannotBeChangedIsAnErrorOfTheJobAndTheOthersAreDone(TestLocation location) {
        ApiClient api = location.api();
        String batch = "f" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = contacts(api, location, batch, 5, i -> List.of(batch));
        // one contact has the most tags a contact may have
        List<String> full = new ArrayList<>(IntStream.range(0, 99).mapToObj(i -> "t" + i).toList());
        full.add(batch);
        assertThat(api.patchJson(location.path("contacts/" + ids.get(2)), Map.of("tags", full)).status()).isEqualTo(200);

        JsonNode job = ImporterPlugin.awaitFinished(location, start(api, location, Map.of("action", "addTags",
                "options", Map.of("tags", List.of("one-more")), "contacts", ids)).get("id").asText(), WITHIN);
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.at("/progress/done").asLong()).isEqualTo(4);
        assertThat(job.at("/progress/failed").asLong()).isEqualTo(1);
        Response errors = api.get(location.path("jobs/" + job.get("id").asText() + "/errors"));
        assertThat(errors.status()).isEqualTo(200);
        assertThat(errors.body()).startsWith("reference,reason").contains(ids.get(2)).contains("at most 100 tags");
    }

    @Test
    void badRequestsNameWhatIsWrong(TestLocation location) {
        ApiClient api = location.api();
        String path = location.path("bulk-actions");
        Problems.assertFieldError(api.postJson(path, Map.of("action", "explode", "contacts", List.of(UUID.randomUUID().toString()))),
                "/action", "action is one of addTags, delete, removeTags, startWorkflow");
        Problems.assertFieldError(api.postJson(path, Map.of("action", "addTags", "options", Map.of("tags", List.of("ok", "no!")),
                "contacts", List.of(UUID.randomUUID().toString()))), "/options/tags/1", "letters, digits");
        Problems.assertFieldError(api.postJson(path, Map.of("action", "startWorkflow", "options", Map.of("workflow", "missing"),
                "contacts", List.of(UUID.randomUUID().toString()))), "/options/workflow", "no published workflow");
        Problems.assertFieldError(api.postJson(path, Map.of("action", "delete", "segment", UUID.randomUUID().toString())),
                "/segment", "no segment");
        Problems.assertFieldError(api.postJson(path, Map.of("action", "delete", "contacts", List.of("nope"))), "/contacts/0", "contact's id");
        Problems.assertFieldError(api.postJson(path, Map.of("action", "delete", "filter",
                parse("{\"type\": \"tag\", \"operator\": \"hasAny\"}"))), "/filter/value", "list");
        Problems.assertProblem(api.postJson(path, Map.of("action", "delete")), 400, "exactly one of segment, filter or contacts");
        // another location's contacts are not touched: a list of their ids matches none here
        Response other = api.postJson("locations", Map.of("name", "Elsewhere " + UUID.randomUUID().toString().substring(0, 8)));
        String theirs = ok(api.postJson("locations/" + other.json().get("id").asText() + "/contacts", Map.of("firstName", "Theirs")))
                .get("id").asText();
        JsonNode job = ImporterPlugin.awaitFinished(location, start(api, location, Map.of("action", "delete",
                "contacts", List.of(theirs))).get("id").asText(), WITHIN);
        assertThat(job.at("/progress/total").asLong()).isZero();
        assertThat(api.get("locations/" + other.json().get("id").asText() + "/contacts/" + theirs).json().hasNonNull("deletedAt")).isFalse();
        assertThat(ok(api.get(path)).findValuesAsText("action")).containsExactly("addTags", "delete", "removeTags", "startWorkflow");
    }

    private static JsonNode start(ApiClient api, TestLocation location, Map<String, ?> body) {
        Response started = api.postJson(location.path("bulk-actions"), body);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return started.json();
    }

    private static long count(ApiClient api, TestLocation location, String filter) {
        return ok(api.postJson(location.path("segments/preview"), Map.of("filter", parse(filter)))).get("count").asLong();
    }

    private static List<String> contacts(ApiClient api, TestLocation location, String batch, int n,
                                         java.util.function.IntFunction<List<String>> tags) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(ok(api.postJson(location.path("contacts"), Map.of("firstName", "Bulk" + i,
                    "email", batch + "-" + i + "@bulk.test", "tags", tags.apply(i)))).get("id").asText());
        }
        return ids;
    }
}
