package dev.switchboard.acceptance.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Runs one of the console's browser scripts that work in one location ({@code modeler-ui/e2e/*.browser.test.mjs}:
 * the CRM's, the plugins') against the platform, for a location and a read-only user of it made here;
 * the script's output is kept next to its screenshots, and the run must pass without skipping.
 */
public final class CrmBrowserScript {

    private CrmBrowserScript() {
    }

    /** Where the scripts put their screenshots (kept as test output). */
    public static Path screenshots() {
        return Path.of(System.getProperty("screenshot.dir"));
    }

    /** Runs {@code script} (a file of {@code modeler-ui/e2e}) and returns its output. */
    public static String run(RunningPlatform platform, TestLocation location, String script)
            throws IOException, InterruptedException {
        return run(platform, location, script, Map.of());
    }

    /** Runs {@code script} with {@code environment} added to what every script gets (such as files to upload). */
    public static String run(RunningPlatform platform, TestLocation location, String script,
                             Map<String, String> environment) throws IOException, InterruptedException {
        ApiClient api = location.api();
        String agency = api.get("me").json().get("agency").get("id").asText();
        String readOnlyEmail = "read-only-" + UUID.randomUUID() + "@example.test";
        String readOnlyPassword = "read-only-" + UUID.randomUUID();
        ApiClient.Response user = api.postJson("agencies/" + agency + "/users", Map.of("email", readOnlyEmail,
                "password", readOnlyPassword, "locationRoles", Map.of(location.id(), "READ_ONLY")));
        assertThat(user.status()).as(user.body()).isEqualTo(201);

        Path screenshots = screenshots();
        Path log = screenshots.resolve(script.replace(".browser.test.mjs", "-browser-test.log"));
        Files.createDirectories(screenshots);
        ProcessBuilder browserTest = new ProcessBuilder("node", "--test", "e2e/" + script)
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
        browserTest.environment().putAll(environment);

        int exit = browserTest.start().waitFor();

        String output = Files.readString(log);
        assertThat(exit).as("browser test output:%n%s", output).isZero();
        assertThat(output).as("the test ran rather than skipped").doesNotContain("# SKIP");
        return output;
    }
}
