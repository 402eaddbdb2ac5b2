package dev.switchboard.acceptance.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.TestLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** What the tests do again and again through the API: deploy a workflow, tag a contact, wait for its run. */
public final class Scenario {

    private final TestLocation location;

    public Scenario(TestLocation location) {
        this.location = location;
    }

    public ApiClient api() {
        return location.api();
    }

    /** Deploys the fixture {@code <TestClass>.<name>.bpmn20.xml} next to {@code testClass}. */
    public JsonNode deployFixture(Class<?> testClass, String name) {
        ApiClient.Response deployed = deploy(fixture(testClass, name));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
        return deployed.json();
    }

    public ApiClient.Response deploy(String xml) {
        return api().post(location.path("workflows"), "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    public static String fixture(Class<?> testClass, String name) {
        String file = testClass.getSimpleName() + "." + name + ".bpmn20.xml";
        try (InputStream in = testClass.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + file + " next to " + testClass.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a contact and returns its id. */
    public String contact(String firstName, String email) {
        ApiClient.Response created = api().postJson(location.path("contacts"), Map.of("firstName", firstName, "email", email));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** Creates a contact with more fields ({@code city}, {@code timezone}, {@code customFields}, …); answers its id. */
    public String contact(String firstName, String email, Map<String, Object> fields) {
        Map<String, Object> body = new java.util.HashMap<>(fields);
        body.put("firstName", firstName);
        body.put("email", email);
        ApiClient.Response created = api().postJson(location.path("contacts"), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    public void tag(String contactId, String tag) {
        ApiClient.Response tagged = api().postJson(location.path("contacts/" + contactId + "/tags"), Map.of("tag", tag));
        assertThat(tagged.status()).as(tagged.body()).isEqualTo(200);
    }

    /** The runs started for a contact, newest first, without their steps. */
    public JsonNode runsOf(String contactId) {
        return api().get(location.path("workflow-runs?contactId=" + contactId)).json();
    }

    public JsonNode run(String runId) {
        ApiClient.Response run = api().get(location.path("workflow-runs/" + runId));
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        return run.json();
    }

    /** Waits until the contact has {@code count} runs, all ended (not RUNNING); returns them with their steps. */
    public List<JsonNode> endedRuns(String contactId, int count, Duration within) {
        return awaitRuns(contactId, within, runs -> runs.size() == count
                && runs.stream().noneMatch(run -> "RUNNING".equals(run.get("state").asText())));
    }

    /** Waits until the runs of the contact satisfy {@code done}; returns them with their steps. */
    public List<JsonNode> awaitRuns(String contactId, Duration within, Predicate<List<JsonNode>> done) {
        long deadline = System.nanoTime() + within.toNanos();
        List<JsonNode> runs = List.of();
        while (System.nanoTime() < deadline) {
            runs = new ArrayList<>();
            for (JsonNode run : runsOf(contactId)) {
                runs.add(run);
            }
            if (done.test(runs)) {
                List<JsonNode> detailed = new ArrayList<>();
                runs.forEach(run -> detailed.add(run(run.get("id").asText())));
                return detailed;
            }
            sleep(200);
        }
        throw new AssertionError("the runs of contact " + contactId + " did not get there within " + within + ": " + runs);
    }

    /** The contact's tags as the API shows them now. */
    public List<String> tags(String contactId) {
        ApiClient.Response contact = api().get(location.path("contacts/" + contactId));
        assertThat(contact.status()).as(contact.body()).isEqualTo(200);
        List<String> tags = new ArrayList<>();
        contact.json().get("tags").forEach(tag -> tags.add(tag.asText()));
        return tags;
    }

    /** The one run of the workflow among {@code runs}; fails when there is none. */
    public static JsonNode byWorkflow(List<JsonNode> runs, String workflowKey) {
        return runs.stream().filter(run -> workflowKey.equals(run.get("workflowKey").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no run of " + workflowKey + " in " + runs));
    }

    /** The step of a run for one task; fails when the run has none or several. */
    public static JsonNode step(JsonNode run, String activityId) {
        List<JsonNode> matching = steps(run, activityId);
        assertThat(matching).as("steps %s of run %s", activityId, run).hasSize(1);
        return matching.get(0);
    }

    public static List<JsonNode> steps(JsonNode run, String activityId) {
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode step : run.get("steps")) {
            if (activityId.equals(step.get("activityId").asText())) {
                matching.add(step);
            }
        }
        return matching;
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
