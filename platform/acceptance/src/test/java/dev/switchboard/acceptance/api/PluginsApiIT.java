package dev.switchboard.acceptance.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.api.fixture.EchoAction;
import dev.switchboard.acceptance.api.fixture.EchoInput;
import dev.switchboard.acceptance.api.fixture.EchoOutput;
import dev.switchboard.acceptance.api.fixture.OsgiEcho;
import dev.switchboard.acceptance.api.fixture.Pf4jEcho;
import dev.switchboard.acceptance.api.fixture.StolenSend;
import dev.switchboard.acceptance.lifecycle.fixture.BrokenStart;
import dev.switchboard.acceptance.support.EmailPlugin;
import dev.switchboard.acceptance.support.Problems;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestBundles;
import dev.switchboard.testkit.TestLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Uploads that are not plugins, a plugin that would shadow another's action, and a plugin's settings with a secret in them. */
@ExtendWith(PlatformExtension.class)
class PluginsApiIT {

    @Test
    void invalidPluginUploadsAreRefusedAndChangeNothing(RunningPlatform platform) throws IOException {
        ApiClient api = platform.admin();
        String before = api.get("plugins").body();

        Problems.assertProblem(api.post("plugins", "application/java-archive", "hello".getBytes(StandardCharsets.UTF_8)),
                400, "not a jar");
        Problems.assertProblem(api.post("plugins", "application/java-archive", new byte[0]), 400, "empty");
        Problems.assertProblem(api.post("plugins", "application/java-archive", plainJar()), 400, "neither an OSGi bundle");

        assertThat(api.get("plugins").body()).isEqualTo(before);
    }

    @Test
    void pluginSettingsKeepThePasswordEncryptedAndNeverReturnIt(RunningPlatform platform, TestLocation location)
            throws Exception {
        EmailPlugin.ensureInstalled(location.api());
        String settings = location.path("plugins/" + EmailPlugin.ID + "/settings");
        Problems.assertProblem(location.api().putJson(settings, Map.of("host", "localhost", "port", "not-a-port")),
                400, "port");

        Response saved = location.api().putJson(settings, Map.of("host", "localhost", "port", 2525,
                "from", "hello@agency.test", "password", "smtp-s3cret"));

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).doesNotContain("smtp-s3cret");
        assertThat(saved.json().get("secretsSet").get(0).asText()).isEqualTo("password");
        try (Connection database = platform.database();
             PreparedStatement query = database.prepareStatement(
                     "SELECT secret::text FROM plugin_setting WHERE location_id = ?::uuid")) {
            query.setString(1, location.id());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).startsWith("{\"password\": \"v1:").doesNotContain("smtp-s3cret");
            }
        }
        assertThat(platform.log()).as("the server's log").doesNotContain("smtp-s3cret");
    }

    @Test
    void aPluginCannotTakeOverAnotherPluginsActionWhateverItsRanking(RunningPlatform platform) {
        ApiClient operator = platform.admin();
        EmailPlugin.ensureInstalled(operator);
        String before = operator.get("plugins").body();

        Response refused = operator.post("plugins", "application/java-archive",
                TestBundles.pf4j("test.shadowing.plugin", "1.0.0", StolenSend.class));

        Problems.assertProblem(refused, 409, "WorkflowAction 'email.send' belongs to plugin '" + EmailPlugin.ID + "'");
        assertThat(operator.get("plugins").body()).isEqualTo(before).doesNotContain("test.shadowing.plugin");
    }

    @Test
    void theOperatorRemovesAPluginAndItStaysRemovedAfterARestartOfItsBundle(RunningPlatform platform) {
        ApiClient operator = platform.admin();
        Response installed = operator.post("plugins", "application/java-archive",
                TestBundles.bundle("test.removable.plugin", "1.0.0", EchoAction.class, EchoInput.class, EchoOutput.class));
        assertThat(installed.status()).as(installed.body()).isEqualTo(200);
        assertThat(operator.get("plugins/test.removable.plugin").status()).isEqualTo(200);

        Response removed = operator.send("DELETE", "plugins/test.removable.plugin", null, null);

        assertThat(removed.status()).as(removed.body()).isEqualTo(204);
        Problems.assertProblem(operator.get("plugins/test.removable.plugin"), 404, "plugin");
        assertThat(operator.get("plugins").body()).doesNotContain("test.echo");
        Problems.assertProblem(operator.send("DELETE", "plugins/test.removable.plugin", null, null), 404, "plugin");
    }

    @Test
    void bothPackagingsInstallUpgradeRollBackAndListTheirContributionsAlike(RunningPlatform platform) {
        ApiClient operator = platform.admin();
        for (String packaging : List.of("OSGI", "PF4J")) {
            String id = "test.lifecycle." + packaging.toLowerCase(java.util.Locale.ROOT);
            Response first = operator.post("plugins", "application/java-archive", artifact(packaging, id, "1.0.0"));
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            JsonNode installed = first.json();
            assertThat(installed.get("packaging").asText()).isEqualTo(packaging);
            assertThat(installed.get("state").asText()).isEqualTo("ACTIVE");
            JsonNode extension = installed.get("extensions").get(0);
            assertThat(extension.get("point").asText()).isEqualTo("WorkflowAction");
            assertThat(extension.get("key").asText()).isEqualTo("test.echo." + packaging.toLowerCase(java.util.Locale.ROOT));
            assertThat(extension.at("/descriptor/input/properties/text/title").asText()).isEqualTo("Text");
            assertThat(extension.at("/descriptor/input/required/0").asText()).isEqualTo("text");

            Response upgraded = operator.post("plugins", "application/java-archive", artifact(packaging, id, "1.1.0"));
            assertThat(upgraded.status()).as(upgraded.body()).isEqualTo(200);
            assertThat(upgraded.json().get("version").asText()).isEqualTo("1.1.0");
            assertThat(upgraded.json().get("previousVersion").asText()).isEqualTo("1.0.0");

            Problems.assertProblem(operator.post("plugins", "application/java-archive", artifact(packaging, id, "0.9.0")),
                    409, "older than the running 1.1.0");

            Response rolledBack = operator.post("plugins/" + id + "/rollback", "application/json", new byte[0]);
            assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(200);
            assertThat(rolledBack.json().get("version").asText()).isEqualTo("1.0.0");
            assertThat(operator.get("plugins/" + id).json().get("version").asText()).isEqualTo("1.0.0");

            assertThat(operator.send("DELETE", "plugins/" + id, null, null).status()).isEqualTo(204);
            Problems.assertProblem(operator.post("plugins/" + id + "/rollback", "application/json", new byte[0]), 404,
                    "plugin");
        }
    }

    @Test
    void aPluginWhoseStartFailsIsRefusedWithTheReasonAndLeavesNothingBehind(RunningPlatform platform) {
        ApiClient operator = platform.admin();
        String before = operator.get("plugins").body();

        Problems.assertProblem(operator.post("plugins", "application/java-archive",
                TestBundles.pf4j("test.broken.start", "1.0.0", BrokenStart.class)), 400, "start is broken");
        Problems.assertProblem(operator.post("plugins", "application/java-archive",
                TestBundles.bundle("test.no.extensions", "1.0.0", EchoInput.class)), 400, "declares no extensions");

        assertThat(operator.get("plugins").body()).isEqualTo(before);
    }

    @Test
    void theSettingsFormComesFromThePluginsSettingsRecord(TestLocation location) {
        EmailPlugin.ensureInstalled(location.api());

        JsonNode schema = location.api().get(location.path("plugins/" + EmailPlugin.ID + "/settings/schema")).json();

        assertThat(schema.at("/properties/host/title").asText()).isEqualTo("SMTP host");
        assertThat(schema.at("/properties/password/writeOnly").asBoolean()).isTrue();
        assertThat(schema.at("/properties/port/maximum").asInt()).isEqualTo(65535);
        assertThat(schema.get("required").toString()).contains("host", "port", "from");
        List<String> fields = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as("the form's order: the record's").containsExactly("host", "port", "from", "username",
                "password", "startTls");
    }

    /** A plugin in either packaging whose action id carries the packaging, so both can be installed at once. */
    private static byte[] artifact(String packaging, String id, String version) {
        return packaging.equals("OSGI")
                ? TestBundles.bundle(id, version, OsgiEcho.class, EchoInput.class, EchoOutput.class)
                : TestBundles.pf4j(id, version, Pf4jEcho.class, EchoInput.class, EchoOutput.class);
    }

    /** A jar with a manifest but no OSGi headers. */
    private static byte[] plainJar() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new JarEntry("readme.txt"));
            jar.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
