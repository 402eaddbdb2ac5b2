package dev.switchboard.acceptance.lifecycle;

import static dev.switchboard.acceptance.support.Scenario.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.switchboard.acceptance.lifecycle.fixture.BrokenStart;
import dev.switchboard.acceptance.support.EmailPlugin;
import dev.switchboard.acceptance.support.OwnPlatform;
import dev.switchboard.acceptance.support.PlatformOfItsOwn;
import dev.switchboard.acceptance.support.Problems;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestBundles;
import dev.switchboard.testkit.TestLocation;
import dev.switchboard.testkit.TestSigning;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A plugin's life on a running platform: installed, swapped for a new version without a redeploy,
 * a broken upgrade refused with the running version kept, and everything back after a restart. On a
 * platform of its own, since plugin versions are platform-wide and it restarts.
 */
@PlatformOfItsOwn
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HotSwapIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static RunningPlatform platform;
    private static TestLocation location;
    private static Scenario scenario;

    @BeforeAll
    static void start() throws IOException {
        platform = OwnPlatform.start();
        location = OwnPlatform.location(platform, "Hot swap");
        scenario = new Scenario(location);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    @Order(10)
    void anInstalledPluginSendsWithItsVersion() throws Exception {
        EmailPlugin.trustCode(location.api());
        Response installed = location.api().post("plugins", "application/java-archive", EmailPlugin.jar("email.plugin.v1"));
        assertThat(installed.status()).as(installed.body()).isEqualTo(200);
        JsonNode listed = location.api().get("plugins/" + EmailPlugin.ID).json();
        assertThat(listed.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(listed.get("version").asText()).isEqualTo("1.0.0");
        assertThat(listed.get("packaging").asText()).isEqualTo("OSGI");
        assertThat(listed.findValuesAsText("key")).contains("email.send", EmailPlugin.ID + ".SmtpSettings");
        EmailPlugin.useSmtp(location, SMTP.getSmtp().getPort());
        Response deployed = scenario.deploy(Files.readString(Path.of(System.getProperty("bpmn.templates"),
                "welcome-new-lead.bpmn20.xml")));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);

        MimeMessage message = tagNewLeadAndReceive("Ada", "ada@example.com");

        assertThat(message.getHeader("X-Switchboard-Mailer")[0]).isEqualTo("switchboard-email/1.0.0");
        assertThat(step(lastRun("ada@example.com"), "sendWelcome").get("pluginVersion").asText()).isEqualTo("1.0.0");
    }

    @Test
    @Order(20)
    void aSwappedPluginHandlesTheNextRunWithoutRedeploy() throws Exception {
        Response swapped = location.api().post("plugins", "application/java-archive", EmailPlugin.jar("email.plugin.v2"));
        assertThat(swapped.status()).as(swapped.body()).isEqualTo(200);
        assertThat(location.api().get("plugins/" + EmailPlugin.ID).json().get("version").asText()).isEqualTo("2.0.0");

        MimeMessage message = tagNewLeadAndReceive("Grace", "grace@example.com");

        assertThat(message.getHeader("X-Switchboard-Mailer")[0]).isEqualTo("switchboard-email/2.0.0");
        assertThat(step(lastRun("grace@example.com"), "sendWelcome").get("pluginVersion").asText()).isEqualTo("2.0.0");
        assertThat(location.api().get(location.path("workflows/welcome-new-lead")).json().get("version").asInt())
                .isEqualTo(1);
    }

    @Test
    @Order(30)
    void aFailedSwapKeepsTheRunningVersion() throws Exception {
        Problems.assertProblem(location.api().post("plugins", "application/java-archive",
                "PK-not-really".getBytes(StandardCharsets.UTF_8)), 400, "jar");
        Problems.assertProblem(location.api().post("plugins", "application/java-archive",
                bundle(EmailPlugin.ID, "3.0.0", "com.example.missing")), 400, "com.example.missing");

        JsonNode plugin = location.api().get("plugins/" + EmailPlugin.ID).json();
        assertThat(plugin.get("version").asText()).isEqualTo("2.0.0");
        assertThat(plugin.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(tagNewLeadAndReceive("Barbara", "barbara@example.com").getHeader("X-Switchboard-Mailer")[0])
                .isEqualTo("switchboard-email/2.0.0");
    }

    @Test
    @Order(35)
    void anUpgradeWhoseStartFailsIsRefusedAndEverythingStillAgrees() throws Exception {
        Response refused = location.api().post("plugins", "application/java-archive",
                TestBundles.bundle(EmailPlugin.ID, "4.0.0", BrokenStart.class));

        Problems.assertProblem(refused, 400, "start is broken");
        Response plugins = location.api().get("plugins");
        assertThat(plugins.status()).isEqualTo(200);
        JsonNode plugin = location.api().get("plugins/" + EmailPlugin.ID).json();
        assertThat(plugin.get("version").asText()).isEqualTo("2.0.0");
        assertThat(plugin.get("state").asText()).isEqualTo("ACTIVE");
        try (Connection database = platform.database();
             ResultSet active = database.createStatement().executeQuery(
                     "SELECT version FROM plugin_artifact WHERE active AND plugin_id = '" + EmailPlugin.ID + "'")) {
            assertThat(active.next()).isTrue();
            assertThat(active.getString(1)).as("the version the database names").isEqualTo("2.0.0");
        }
        assertThat(tagNewLeadAndReceive("Donald", "donald@example.com").getHeader("X-Switchboard-Mailer")[0])
                .isEqualTo("switchboard-email/2.0.0");
    }

    @Test
    @Order(40)
    void installedPluginsAndWorkflowsSurviveARestart() throws Exception {
        platform.restart();
        location = OwnPlatform.signInAgain(platform, location);
        scenario = new Scenario(location);

        JsonNode plugin = location.api().get("plugins/" + EmailPlugin.ID).json();
        assertThat(plugin.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(plugin.get("version").asText()).isEqualTo("2.0.0");
        assertThat(tagNewLeadAndReceive("Linus", "linus@example.com").getSubject()).isEqualTo("Hello Linus");
    }

    private static MimeMessage tagNewLeadAndReceive(String firstName, String email) throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        scenario.tag(scenario.contact(firstName, email), "lead");
        assertThat(SMTP.waitForIncomingEmail(Duration.ofSeconds(60).toMillis(), 1)).as("an email to %s", email).isTrue();
        MimeMessage message = SMTP.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo(email);
        return message;
    }

    private static JsonNode lastRun(String email) {
        for (JsonNode contact : location.api().get(location.path("contacts?limit=500")).json().get("items")) {
            if (email.equals(contact.get("email").asText())) {
                return scenario.endedRuns(contact.get("id").asText(), 1, Duration.ofSeconds(30)).get(0);
            }
        }
        throw new AssertionError("no contact " + email);
    }

    /** An OSGi bundle that cannot resolve: it imports a package nobody exports (signed, so trust lets it that far). */
    private static byte[] bundle(String symbolicName, String version, String missingImport) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Manifest manifest = new Manifest();
        var main = manifest.getMainAttributes();
        main.putValue("Manifest-Version", "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        main.putValue("Import-Package", missingImport);
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new JarEntry("readme.txt"));
            jar.write("cannot resolve".getBytes(StandardCharsets.UTF_8));
        }
        return TestSigning.testKey().sign(bytes.toByteArray());
    }
}
