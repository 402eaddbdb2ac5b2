package dev.switchboard.acceptance.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.TestLocation;
import dev.switchboard.testkit.TestSigning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The email plugin as the tests use it: the built jars, installed and pointed at a test SMTP server. */
public final class EmailPlugin {

    public static final String ID = "dev.switchboard.plugins.email";

    private EmailPlugin() {
    }

    /**
     * Version 1.0.0 (system property {@code email.plugin.v1}) or 2.0.0 ({@code email.plugin.v2}), signed
     * with the test kit's key as its publisher would sign it.
     */
    public static byte[] jar(String property) {
        try {
            return TestSigning.testKey().sign(Files.readAllBytes(Path.of(System.getProperty(property))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The operator trusts the plugin's code: it embeds Angus Mail, whose classes read mailcap files and
     * use reflection, which the bytecode verifier reports (see docs/security.md, "Plugin trust").
     */
    public static void trustCode(ApiClient operator) {
        ApiClient.Response trusted = operator.send("PUT", "platform/trusted-plugins/" + ID, null, null);
        assertThat(trusted.status()).as(trusted.body()).isEqualTo(200);
    }

    /** Installs 1.0.0 unless some version of the plugin is already active on the platform. */
    public static void ensureInstalled(ApiClient api) {
        ApiClient.Response plugin = api.get("plugins/" + ID);
        if (plugin.status() == 200 && "ACTIVE".equals(plugin.json().get("state").asText())) {
            return;
        }
        trustCode(api);
        ApiClient.Response installed = api.post("plugins", "application/java-archive", jar("email.plugin.v1"));
        assertThat(installed.status()).as(installed.body()).isEqualTo(200);
    }

    /** Sends the location's email through the SMTP server on {@code port} of this machine. */
    public static void useSmtp(TestLocation location, int port) {
        ApiClient.Response saved = location.api().putJson(location.path("plugins/" + ID + "/settings"),
                Map.of("host", "127.0.0.1", "port", port, "from", "hello@agency.test"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }
}
