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
 * The console's Segments page in a real browser (see modeler-ui/e2e/segments.browser.test.mjs): a
 * segment of two conditions built with the form alone, its live count following each edit (a nested,
 * negated group too), a refused condition's error next to its row, the segment saved, its contacts
 * exported as CSV, tagged all at once by a bulk action followed to its end with the one contact it
 * could not tag downloaded as CSV, deleting them asked about and cancelled; a read-only user sees the
 * segment and its count with no control to change anything. Then the API shows what the browser did.
 */
@ExtendWith(PlatformExtension.class)
class SegmentsConsoleBrowserIT {

    @Test
    void aSegmentIsBuiltCountedExportedAndTaggedInTheBrowserAndAReadOnlyUserChangesNothing(RunningPlatform platform,
                                                                                          TestLocation location)
            throws Exception {
        ApiClient api = location.api();
        CrmBrowserScript.run(platform, location, "segments.browser.test.mjs");

        JsonNode segment = single(api.get(location.path("segments")).json(), "Leads ");
        assertThat(segment.get("lastCount").asLong()).as("counted when it was opened and listed").isEqualTo(4);
        assertThat(segment.get("filter").get("all")).hasSize(2);

        JsonNode jobs = api.get(location.path("jobs?kind=bulk-action")).json().get("items");
        assertThat(jobs).as("one bulk action, over the segment").singleElement().satisfies(job -> {
            assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(job.get("parameters").get("segment").asText()).isEqualTo(segment.get("id").asText());
            assertThat(job.get("progress").get("done").asLong()).isEqualTo(3);
            assertThat(job.get("progress").get("failed").asLong()).isEqualTo(1);
            assertThat(job.get("result").get("changed").asLong()).isEqualTo(3);
        });
        String stamp = segment.get("name").asText().substring("Leads ".length());
        assertThat(api.get(location.path("contacts?tag=reengage-" + stamp)).json().get("items")).hasSize(3);
        assertThat(api.get(location.path("segments/" + segment.get("id").asText() + "/count")).json().get("count").asLong())
                .as("the delete was cancelled").isEqualTo(4);
        for (String screenshot : List.of("seg-01-two-conditions.png", "seg-02-count-changed.png", "seg-03-error-at-row.png",
                "seg-04-nested-group.png", "seg-05-saved.png", "seg-07-bulk-done.png", "seg-08-delete-confirm.png",
                "seg-09-read-only-segment.png", "seg-10-read-only-filter.png")) {
            assertThat(CrmBrowserScript.screenshots().resolve(screenshot)).exists();
        }
    }

    private static JsonNode single(JsonNode list, String namePrefix) {
        List<JsonNode> found = new ArrayList<>();
        list.forEach(item -> {
            if (item.get("name").asText().startsWith(namePrefix)) {
                found.add(item);
            }
        });
        assertThat(found).as("segments named %s…", namePrefix).hasSize(1);
        return found.get(0);
    }
}
