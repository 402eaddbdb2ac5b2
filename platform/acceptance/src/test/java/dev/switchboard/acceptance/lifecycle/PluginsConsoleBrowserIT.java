package dev.switchboard.acceptance.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.CrmBrowserScript;
import dev.switchboard.acceptance.support.EmailPlugin;
import dev.switchboard.acceptance.support.OwnPlatform;
import dev.switchboard.acceptance.support.PlatformOfItsOwn;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's Plugins page in a real browser (see modeler-ui/e2e/plugins.browser.test.mjs): the
 * operator uploads the email plugin and sees it ACTIVE as an OSGi bundle with its action, upgrades it
 * to 2.0.0, is refused 1.0.0 with the reason, rolls back after a confirmation; in the location's
 * settings form, generated from the plugin's schema, an invalid port is refused next to the port
 * field and valid values with a password are saved, the password shown as set and never returned;
 * a read-only user sees all that and no control to change it; the admin turns the plugin off in the
 * location after a confirmation and on again; once a workflow of the location sends email, turning
 * it off is refused naming that workflow, and so is uninstalling it, which the operator then forces
 * after a second confirmation. On a platform of its own, since plugin versions are platform-wide.
 */
@PlatformOfItsOwn
class PluginsConsoleBrowserIT {

    private static RunningPlatform platform;
    private static TestLocation location;

    @BeforeAll
    static void start() {
        platform = OwnPlatform.start();
        location = OwnPlatform.location(platform, "Plugins console");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void theOperatorInstallsUpgradesRollsBackConfiguresSwitchesAndUninstallsAPluginInTheBrowser() throws Exception {
        EmailPlugin.trustCode(location.api());
        CrmBrowserScript.run(platform, location, "plugins.browser.test.mjs", Map.of(
                "SWITCHBOARD_EMAIL_PLUGIN_V1", jar("email.plugin.v1"),
                "SWITCHBOARD_EMAIL_PLUGIN_V2", jar("email.plugin.v2")));

        assertThat(location.api().get("plugins/" + EmailPlugin.ID).status()).as("uninstalled").isEqualTo(404);
        JsonNode settings = location.api().get(location.path("plugins/" + EmailPlugin.ID + "/settings")).json();
        assertThat(settings.get("values").get("host").asText()).isEqualTo("smtp.agency.test");
        assertThat(settings.get("values").get("port").asText()).isEqualTo("2525");
        assertThat(settings.get("secretsSet")).extracting(JsonNode::asText).containsExactly("password");
        assertThat(settings.toString()).as("the settings stay, the password unseen").doesNotContain("smtp-s3cret");
        assertThat(platform.log()).as("the server's log").doesNotContain("smtp-s3cret");
        assertThat(location.api().get(location.path("workflows/welcome-by-email")).status())
                .as("the workflow that used the plugin removed anyway stays").isEqualTo(200);
        for (String screenshot : List.of("plugins-01-installed.png", "plugins-02-upgraded.png",
                "plugins-03-older-refused.png", "plugins-04-rollback-confirm.png", "plugins-05-settings-form.png",
                "plugins-06-port-refused.png", "plugins-07-saved.png", "plugins-08-read-only.png",
                "plugins-09-turn-off-confirm.png", "plugins-10-turned-off.png", "plugins-11-turn-off-refused.png",
                "plugins-12-uninstall-confirm.png", "plugins-13-remove-anyway.png", "plugins-14-uninstalled.png")) {
            assertThat(CrmBrowserScript.screenshots().resolve(screenshot)).exists();
        }
    }

    /** The email plugin's jar as its publisher ships it: signed (with the key the test platform trusts). */
    private static String jar(String property) throws java.io.IOException {
        Path jar = Path.of(System.getProperty(property));
        assertThat(jar).as("the email plugin's jar (build plugins/email first)").exists();
        Path signed = java.nio.file.Files.createTempFile("switchboard-email-", ".jar");
        signed.toFile().deleteOnExit();
        java.nio.file.Files.write(signed, EmailPlugin.jar(property));
        return signed.toAbsolutePath().toString();
    }
}
