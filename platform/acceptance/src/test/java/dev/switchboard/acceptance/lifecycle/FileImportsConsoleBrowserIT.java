package dev.switchboard.acceptance.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.CrmBrowserScript;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's file import wizard in a real browser (see modeler-ui/e2e/file-imports.browser.test.mjs):
 * a GoHighLevel-like export uploads with its progress shown, its columns come mapped as suggested (a
 * custom field by its display name), the preview follows the mapping, a field given two columns is refused
 * next to the column, the import is followed to the end and its bad row downloaded as CSV, a large file's
 * import is cancelled, and a read-only user sees the imports but no wizard.
 */
@ExtendWith(PlatformExtension.class)
class FileImportsConsoleBrowserIT {

    @Test
    void anAdminUploadsMapsPreviewsImportsAndCancelsAFileInTheBrowser(RunningPlatform platform, TestLocation location)
            throws Exception {
        CrmBrowserScript.run(platform, location, "file-imports.browser.test.mjs");

        JsonNode imports = location.api().get(location.path("jobs?kind=file-import")).json().get("items");
        assertThat(imports).extracting(job -> job.get("status").asText()).contains("SUCCEEDED", "CANCELLED");
        for (String screenshot : List.of("file-imports-01-uploading.png", "file-imports-02-mapping.png",
                "file-imports-03-preview.png", "file-imports-04-refused.png", "file-imports-05-done.png",
                "file-imports-06-running.png", "file-imports-07-cancelled.png", "file-imports-08-read-only.png")) {
            assertThat(CrmBrowserScript.screenshots().resolve(screenshot)).exists();
        }
    }
}
