package dev.switchboard.acceptance.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.CrmBrowserScript;
import dev.switchboard.acceptance.support.EmailPlugin;
import dev.switchboard.acceptance.support.OwnPlatform;
import dev.switchboard.acceptance.support.PlatformOfItsOwn;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import dev.switchboard.testkit.TestSigning;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's plugin trust in a real browser (see modeler-ui/e2e/plugin-trust.browser.test.mjs): on
 * the Trust page the operator is refused a malformed certificate and a name too long next to their
 * fields, adds a publisher's certificate and removes it after a confirmation; the email plugin's
 * upload is refused listing the forbidden calls Angus Mail makes, the operator trusts its code from
 * that refusal after a confirmation saying what it means and installs it; its row shows the signer,
 * the key's fingerprint, that its code is trusted and the calls found, as the API has them; the trust
 * is withdrawn and given again on the Trust page; a read-only user sees the verdict and no control.
 * On a platform of its own, since trust is platform-wide.
 */
@PlatformOfItsOwn
class PluginTrustConsoleBrowserIT {

    private static RunningPlatform platform;
    private static TestLocation location;

    @BeforeAll
    static void start() {
        platform = OwnPlatform.start();
        location = OwnPlatform.location(platform, "Plugin trust console");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void theOperatorManagesSigningKeysAndTrustsAPluginsCodeInTheBrowser() throws Exception {
        TestSigning publisher = TestSigning.generate("CN=Acme Plugins,O=Acme");
        Path certificate = Files.createTempFile("switchboard-acme-", ".pem");
        certificate.toFile().deleteOnExit();
        Files.writeString(certificate, publisher.certificatePem(), StandardCharsets.US_ASCII);

        CrmBrowserScript.run(platform, location, "plugin-trust.browser.test.mjs", Map.of(
                "SWITCHBOARD_EMAIL_PLUGIN", signedEmailPlugin(),
                "SWITCHBOARD_SIGNING_CERTIFICATE", certificate.toAbsolutePath().toString()));

        JsonNode keys = location.api().get("platform/signing-keys").json();
        assertThat(keys.findValuesAsText("fingerprint")).as("the key added and removed in the browser")
                .doesNotContain(publisher.fingerprint())
                .contains(TestSigning.testKey().fingerprint());
        assertThat(location.api().get("platform/trusted-plugins").json().findValuesAsText("pluginId"))
                .containsExactly(EmailPlugin.ID);
        JsonNode trust = location.api().get("plugins/" + EmailPlugin.ID).json().get("trust");
        assertThat(trust.get("fingerprint").asText()).isEqualTo(TestSigning.testKey().fingerprint());
        assertThat(trust.get("codeTrusted").asBoolean()).isTrue();
        for (String screenshot : List.of("trust-01-page.png", "trust-02-not-a-certificate.png",
                "trust-03-name-too-long.png", "trust-04-key-added.png", "trust-05-remove-key-confirm.png",
                "trust-06-upload-refused.png", "trust-07-trust-code-confirm.png", "trust-08-verdict.png",
                "trust-09-findings.png", "trust-10-withdraw-confirm.png", "trust-11-trusted-again.png",
                "trust-12-read-only.png")) {
            assertThat(CrmBrowserScript.screenshots().resolve(screenshot)).exists();
        }
    }

    /** The email plugin 1.0.0 as its publisher ships it: signed with the key the test platform trusts. */
    private static String signedEmailPlugin() throws IOException {
        Path signed = Files.createTempFile("switchboard-email-", ".jar");
        signed.toFile().deleteOnExit();
        Files.write(signed, EmailPlugin.jar("email.plugin.v1"));
        return signed.toAbsolutePath().toString();
    }
}
