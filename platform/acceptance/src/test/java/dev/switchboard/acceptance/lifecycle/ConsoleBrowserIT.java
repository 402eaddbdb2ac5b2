package dev.switchboard.acceptance.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.acceptance.support.EmailPlugin;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console in a real browser (Debian's Chromium driven by Playwright): sign in, open the welcome
 * workflow, switch the theme, edit the diagram and save a new version; then a location name the
 * server refuses shows its error next to the name field, and a valid one is created and switched to;
 * a user with a too short password is refused next to the password field, and someone invited as a
 * user of the first location accepts in a fresh browser and sees only what they may do (see
 * modeler-ui/README.md). The console opens the caller's first location, so the workflow is deployed there.
 */
@ExtendWith(PlatformExtension.class)
class ConsoleBrowserIT {

    private static final String WORKFLOW = "welcome-new-lead";

    @Test
    void consoleShowsTheWorkflowSwitchesThemeSavesANewVersionAndAddsALocation(RunningPlatform platform) throws Exception {
        ApiClient api = platform.admin();
        EmailPlugin.ensureInstalled(api);
        String firstLocation = "locations/" + api.get("me").json().get("locations").get(0).get("id").asText() + "/";
        ApiClient.Response deployed = api.post(firstLocation + "workflows", "application/xml",
                Files.readString(Path.of(System.getProperty("bpmn.templates"), WORKFLOW + ".bpmn20.xml"))
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
        int version = deployed.json().get("version").asInt();
        int locations = api.get("locations").json().size();
        Path screenshots = Path.of(System.getProperty("screenshot.dir"));
        Path log = screenshots.resolve("browser-test.log");
        Files.createDirectories(screenshots);
        ProcessBuilder browserTest = new ProcessBuilder("node", "--test", "e2e/console.browser.test.mjs")
                .directory(Path.of(System.getProperty("modeler.ui.dir")).toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        browserTest.environment().putAll(Map.of(
                "SWITCHBOARD_URL", platform.baseUri().toString(),
                "SWITCHBOARD_EMAIL", platform.adminEmail(),
                "SWITCHBOARD_PASSWORD", platform.adminPassword(),
                "SWITCHBOARD_WORKFLOW_NAME", "Welcome new lead",
                "SCREENSHOT_DIR", screenshots.toString()));

        int exit = browserTest.start().waitFor();

        assertThat(exit).as("browser test output:%n%s", Files.readString(log)).isZero();
        assertThat(api.get(firstLocation + "workflows/" + WORKFLOW).json().get("version").asInt()).isEqualTo(version + 1);
        assertThat(screenshots.resolve("02-midnight-theme.png")).exists();
        assertThat(api.get("locations").json().size()).as("the refused name added none, the valid one a location")
                .isEqualTo(locations + 1);
        assertThat(screenshots.resolve("04-location-name-refused.png")).exists();
    }
}
