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
 * The console's notifications bell in a real browser (see modeler-ui/e2e/notifications.browser.test.mjs):
 * a workflow notifies every user of the location; the admin opens it from the bell and lands on the
 * contact; a read-only user marks all read. Then the API shows both read.
 */
@ExtendWith(PlatformExtension.class)
class NotificationsConsoleBrowserIT {

    @Test
    void aWorkflowsNotificationIsSeenOpenedAndReadInTheBrowser(RunningPlatform platform, TestLocation location)
            throws Exception {
        CrmBrowserScript.run(platform, location, "notifications.browser.test.mjs");

        JsonNode mine = location.api().get(location.path("notifications")).json();
        assertThat(mine.get("items")).isNotEmpty();
        assertThat(mine.get("items").get(0).get("title").asText()).contains("Hedy is a hot lead");
        assertThat(mine.get("items").get(0).has("readAt")).as("opened in the browser").isTrue();
        for (String screenshot : List.of("notifications-01-bell.png", "notifications-02-opened.png",
                "notifications-03-all-read.png")) {
            assertThat(CrmBrowserScript.screenshots().resolve(screenshot)).exists();
        }
    }
}
