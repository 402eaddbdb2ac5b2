package dev.switchboard.acceptance.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.TestLocation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Pipelines, contacts and opportunities made through the API for the pipeline and opportunity tests. */
final class PipelineFixtures {

    private PipelineFixtures() {
    }

    /** A pipeline named {@code name} plus a unique suffix, with these stages in order. */
    static JsonNode pipeline(ApiClient api, String locationPath, String name, String... stages) {
        List<Map<String, String>> stageList = Arrays.stream(stages).map(stage -> Map.of("name", stage)).toList();
        Response created = api.postJson(locationPath + "pipelines", Map.of("name", name + " " + suffix(), "stages", stageList));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    static JsonNode pipeline(ApiClient api, TestLocation location, String name, String... stages) {
        return pipeline(api, location.path(""), name, stages);
    }

    /** The id of the pipeline's stage of that name. */
    static String stage(JsonNode pipeline, String name) {
        for (JsonNode stage : pipeline.get("stages")) {
            if (stage.get("name").asText().equals(name)) {
                return stage.get("id").asText();
            }
        }
        throw new AssertionError("no stage " + name + " in " + pipeline);
    }

    static List<String> stageNames(JsonNode pipeline) {
        List<String> names = new ArrayList<>();
        pipeline.get("stages").forEach(stage -> names.add(stage.get("name").asText()));
        return names;
    }

    static String contact(ApiClient api, String locationPath, String firstName) {
        Response created = api.postJson(locationPath + "contacts", Map.of("firstName", firstName,
                "email", firstName.toLowerCase() + "-" + suffix() + "@deals.test"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    static String contact(ApiClient api, TestLocation location, String firstName) {
        return contact(api, location.path(""), firstName);
    }

    /** An opportunity of the contact in the pipeline's stage, with more members when given. */
    static JsonNode opportunity(ApiClient api, TestLocation location, String name, String contactId, JsonNode pipeline,
                                String stageName, Map<String, ?> more) {
        Map<String, Object> body = new LinkedHashMap<>(more);
        body.put("name", name);
        body.put("contactId", contactId);
        body.put("pipelineId", pipeline.get("id").asText());
        body.put("pipelineStageId", stage(pipeline, stageName));
        Response created = api.postJson(location.path("opportunities"), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** An opportunity named "Theirs" in the first stage of a pipeline of the location at {@code locationPath}; its id. */
    static String opportunityIn(ApiClient api, String locationPath, String contactId, JsonNode pipeline) {
        Response created = api.postJson(locationPath + "opportunities", Map.of("name", "Theirs", "contactId", contactId,
                "pipelineId", pipeline.get("id").asText()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** A second location of the same agency, for ids that belong elsewhere; returns its path prefix. */
    static String otherLocation(ApiClient api) {
        Response created = api.postJson("locations", Map.of("name", "Elsewhere " + suffix()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return "locations/" + created.json().get("id").asText() + "/";
    }

    static List<String> ids(Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    /** The timeline's field changes of one subject (an opportunity), oldest first. */
    static List<JsonNode> changes(ApiClient api, TestLocation location, String contactId, String subjectId) {
        Response timeline = api.get(location.path("contacts/" + contactId + "/timeline?limit=500"));
        assertThat(timeline.status()).as(timeline.body()).isEqualTo(200);
        List<JsonNode> changes = new ArrayList<>();
        timeline.json().get("items").forEach(item -> {
            if ("change".equals(item.get("kind").asText()) && subjectId.equals(item.get("refId").asText())) {
                changes.add(0, item);
            }
        });
        return changes;
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
