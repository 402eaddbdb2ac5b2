package dev.switchboard.acceptance.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.CrmBrowserScript;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.util.ArrayList;
import java.util.List;
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
        CrmBrowserScript.run(platform, location, "pipeline.browser.test.mjs");

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
            assertThat(CrmBrowserScript.screenshots().resolve(screenshot)).exists();
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
