package dev.switchboard.acceptance.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's activity panels, pipelines and board in a real browser (Debian's Chromium driven by
 * Playwright, see modeler-ui/e2e/pipeline.browser.test.mjs): a note and a task added on a contact's
 * page and seen in its timeline, the task completed from My tasks; a custom value and a pipeline of
 * three stages created in the settings, two stages reordered; an opportunity created for the contact
 * and dragged across the board, both columns' counts and sums following, a move the server refuses
 * rolled back; a read-only user who cannot drag; a stage that holds an opportunity deleted with the
 * choice of where it goes; a company with its contact. Then the API shows what the browser did.
 */
@ExtendWith(PlatformExtension.class)
class PipelineConsoleBrowserIT {

    @Test
    void notesTasksPipelinesAndTheBoardWorkInTheBrowserAndAReadOnlyUserCannotDrag(RunningPlatform platform,
                                                                                  TestLocation location) throws Exception {
        ApiClient api = location.api();
        String agency = api.get("me").json().get("agency").get("id").asText();
        String readOnlyEmail = "read-only-" + UUID.randomUUID() + "@example.test";
        String readOnlyPassword = "read-only-" + UUID.randomUUID();
        ApiClient.Response user = api.postJson("agencies/" + agency + "/users", Map.of("email", readOnlyEmail,
                "password", readOnlyPassword, "locationRoles", Map.of(location.id(), "READ_ONLY")));
        assertThat(user.status()).as(user.body()).isEqualTo(201);

        Path screenshots = Path.of(System.getProperty("screenshot.dir"));
        Path log = screenshots.resolve("pipeline-browser-test.log");
        Files.createDirectories(screenshots);
        ProcessBuilder browserTest = new ProcessBuilder("node", "--test", "e2e/pipeline.browser.test.mjs")
                .directory(Path.of(System.getProperty("modeler.ui.dir")).toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        browserTest.environment().putAll(Map.of(
                "SWITCHBOARD_URL", platform.baseUri().toString(),
                "SWITCHBOARD_EMAIL", platform.adminEmail(),
                "SWITCHBOARD_PASSWORD", platform.adminPassword(),
                "SWITCHBOARD_CRM_LOCATION", location.id(),
                "SWITCHBOARD_READONLY_EMAIL", readOnlyEmail,
                "SWITCHBOARD_READONLY_PASSWORD", readOnlyPassword,
                "SCREENSHOT_DIR", screenshots.toString()));

        int exit = browserTest.start().waitFor();

        String output = Files.readString(log);
        assertThat(exit).as("browser test output:%n%s", output).isZero();
        assertThat(output).as("the test ran rather than skipped").doesNotContain("# SKIP");

        JsonNode contact = single(items(api.get(location.path("contacts?query=Lin")).json()));
        String contactId = contact.get("id").asText();
        assertThat(items(api.get(location.path("contacts/" + contactId + "/notes")).json()))
                .as("one note is left").singleElement()
                .satisfies(note -> assertThat(note.get("body").asText()).contains("wants a quote for 40 seats"));
        assertThat(items(api.get(location.path("contacts/" + contactId + "/tasks")).json()))
                .as("the task, completed from My tasks").singleElement()
                .satisfies(task -> assertThat(task.get("completed").asBoolean()).isTrue());
        assertThat(list(api.get(location.path("custom-values")).json())).singleElement()
                .satisfies(value -> assertThat(value.get("key").asText()).startsWith("booking_link_"));

        JsonNode pipeline = single(list(api.get(location.path("pipelines")).json()));
        assertThat(list(pipeline.get("stages"))).as("Won deleted in the settings, Qualified through the API")
                .extracting(stage -> stage.get("name").asText()).containsExactly("Lead");
        JsonNode deal = single(items(api.get(location.path("opportunities?limit=100&pipelineId="
                + pipeline.get("id").asText())).json()).stream()
                .filter(o -> o.get("name").asText().startsWith("Deal ")).toList());
        assertThat(deal.get("monetaryValue").decimalValue()).isEqualByComparingTo("1500");
        assertThat(items(api.get(location.path("opportunities/" + deal.get("id").asText() + "/stage-history")).json()))
                .as("dragged to Won, moved right and back by keyboard, moved to Lead when Won was deleted")
                .extracting(change -> change.get("toStageName").asText())
                .containsExactly("Lead", "Won", "Qualified", "Won", "Lead");
        assertThat(items(api.get(location.path("companies")).json())).singleElement().satisfies(company -> {
            assertThat(company.get("domain").asText()).isEqualTo("engines.example");
            assertThat(company.get("contactCount").asLong()).isEqualTo(1);
        });
        for (String screenshot : List.of("pipe-01-note-and-task.png", "pipe-02-task-completed.png",
                "pipe-03-custom-value.png", "pipe-04-pipeline.png", "pipe-05-opportunity.png", "pipe-06-board-moved.png",
                "pipe-07-move-refused.png", "pipe-08-read-only-board.png", "pipe-10-delete-stage.png",
                "pipe-11-pipeline-delete-refused.png", "pipe-12-company.png", "pipe-13-board-load-more.png")) {
            assertThat(screenshots.resolve(screenshot)).exists();
        }
    }

    private static JsonNode single(List<JsonNode> nodes) {
        assertThat(nodes).hasSize(1);
        return nodes.get(0);
    }

    private static List<JsonNode> items(JsonNode page) {
        return list(page.get("items"));
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }
}
