package dev.switchboard.acceptance.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.CrmBrowserScript;
import dev.switchboard.acceptance.support.ImporterPlugin;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's Imports page in a real browser (see modeler-ui/e2e/imports.browser.test.mjs): the form
 * for an import's choices is generated from the test importer's schema, a date that is none is refused
 * next to its field, an import with bad rows is followed to the end and its errors downloaded as CSV,
 * a long import is cancelled, and a read-only user follows imports without controls to start or cancel.
 */
@ExtendWith(PlatformExtension.class)
class ImportsConsoleBrowserIT {

    @Test
    void anAdminImportsFollowsDownloadsErrorsAndCancelsInTheBrowser(RunningPlatform platform, TestLocation location)
            throws Exception {
        ImporterPlugin.ensureInstalled(location.api());

        CrmBrowserScript.run(platform, location, "imports.browser.test.mjs");

        JsonNode imports = location.api().get(location.path("jobs?kind=import")).json().get("items");
        assertThat(imports).extracting(job -> job.get("status").asText()).contains("SUCCEEDED", "CANCELLED");
        for (String screenshot : List.of("imports-01-form.png", "imports-02-refused.png", "imports-03-running.png",
                "imports-04-done.png", "imports-05-long.png", "imports-06-cancelled.png", "imports-07-read-only.png")) {
            assertThat(CrmBrowserScript.screenshots().resolve(screenshot)).exists();
        }
    }
}
