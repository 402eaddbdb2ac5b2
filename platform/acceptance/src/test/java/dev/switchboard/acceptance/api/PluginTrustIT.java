package dev.switchboard.acceptance.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.api.fixture.EchoInput;
import dev.switchboard.acceptance.api.fixture.EchoOutput;
import dev.switchboard.acceptance.api.fixture.ExitingAction;
import dev.switchboard.acceptance.api.fixture.SignedEcho;
import dev.switchboard.acceptance.support.Problems;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestBundles;
import dev.switchboard.testkit.TestSigning;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator trusts a publisher's key through the API; only artifacts that key signed, unchanged,
 * and whose code makes no forbidden call, install. Everything refused leaves the plugins as they were.
 */
@ExtendWith(PlatformExtension.class)
class PluginTrustIT {

    private static final String PEM = "application/x-pem-file";
    private static final String JAR = "application/java-archive";

    private static TestSigning publisher;
    private static TestSigning stranger;

    @BeforeAll
    static void makeKeys() {
        publisher = TestSigning.generate("CN=Trusted Publisher");
        stranger = TestSigning.generate("CN=Someone Else");
    }

    @Test
    void theOperatorTrustsAPublishersKeyAndItsSignedPluginInstalls(RunningPlatform platform) {
        ApiClient operator = platform.admin();
        TestSigning acme = TestSigning.generate("CN=Acme Plugins,O=Acme");
        Response refused = operator.post("plugins", JAR, acme.sign(echo("test.trust.acme", "1.0.0")));
        Problems.assertProblem(refused, 400, "Not a trusted plugin: test.trust.acme: the artifact is signed by "
                + "CN=Acme Plugins,O=Acme (SHA-256 fingerprint " + acme.fingerprint() + ")");

        Response added = operator.post("platform/signing-keys?name=Acme%20release%20key", PEM, pem(acme));

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        JsonNode key = added.json();
        assertThat(key.get("name").asText()).isEqualTo("Acme release key");
        assertThat(key.get("subject").asText()).isEqualTo("CN=Acme Plugins,O=Acme");
        assertThat(key.get("fingerprint").asText()).isEqualTo(acme.fingerprint());
        assertThat(key.get("expired").asBoolean()).isFalse();
        assertThat(OffsetDateTime.parse(key.get("notAfter").asText()).toInstant())
                .isEqualTo(acme.certificate().getNotAfter().toInstant());
        assertThat(operator.get("platform/signing-keys").json().findValuesAsText("fingerprint"))
                .contains(acme.fingerprint());

        Response installed = operator.post("plugins", JAR, acme.sign(echo("test.trust.acme", "1.0.0")));

        assertThat(installed.status()).as(installed.body()).isEqualTo(200);
        assertThat(installed.json().get("state").asText()).isEqualTo("ACTIVE");
        assertThat(operator.send("DELETE", "plugins/test.trust.acme", null, null).status()).isEqualTo(204);
    }

    @Test
    void aKeyIsTrustedOnceAndOnlyAsAWellFormedCertificate(RunningPlatform platform) {
        ApiClient operator = platform.admin();
        TestSigning once = TestSigning.generate("CN=Once");
        assertThat(operator.post("platform/signing-keys", PEM, pem(once)).status()).isEqualTo(201);

        Problems.assertProblem(operator.post("platform/signing-keys", "text/plain", pem(once)), 409,
                once.fingerprint() + " is trusted already");
        Problems.assertProblem(operator.post("platform/signing-keys", PEM, "not a certificate".getBytes(StandardCharsets.UTF_8)),
                400, "holds no PEM certificate");
        Problems.assertProblem(operator.post("platform/signing-keys", PEM,
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.UTF_8)),
                400, "not an X.509 certificate");
    }

    @Test
    void unsignedTamperedAndStrangersArtifactsAreRefusedNamingWhy(RunningPlatform platform) {
        ApiClient operator = platform.admin();
        trust(operator, publisher);
        String before = operator.get("plugins").body();
        byte[] signed = publisher.sign(echo("test.trust.refused", "1.0.0"));

        Problems.assertProblem(operator.post("plugins", JAR, TestSigning.unsigned(signed)), 400,
                "Not a trusted plugin: test.trust.refused: the artifact is unsigned");
        Problems.assertProblem(operator.post("plugins", JAR, TestSigning.withEntry(signed,
                SignedEcho.class.getName().replace('.', '/') + ".class", "not the signed class".getBytes(StandardCharsets.UTF_8))),
                400, "the artifact was tampered with after it was signed");
        Problems.assertProblem(operator.post("plugins", JAR, stranger.sign(signed)), 400,
                "signed by CN=Someone Else (SHA-256 fingerprint " + stranger.fingerprint() + "), a key the operator does not trust");

        assertThat(operator.get("plugins").body()).isEqualTo(before);
    }

    @Test
    void aPluginWhoseCodeExitsTheJvmIsRefusedListingTheCall(RunningPlatform platform) {
        ApiClient operator = platform.admin();
        trust(operator, publisher);

        Response refused = operator.post("plugins", JAR,
                publisher.sign(TestBundles.pf4j("test.trust.exit", "1.0.0", ExitingAction.class)));

        Problems.assertProblem(refused, 400, "Not a trusted plugin: test.trust.exit makes 1 forbidden call");
        assertThat(refused.json().get("detail").asText()).endsWith("EXIT java.lang.System.exit");
        assertThat(refused.json().get("errors").get(0).get("detail").asText())
                .isEqualTo("EXIT java.lang.System.exit in " + ExitingAction.class.getName() + ".execute");
        Problems.assertProblem(operator.get("plugins/test.trust.exit"), 404, "plugin");
    }

    @Test
    void afterTheOperatorRemovesAKeyItsNewUploadsAreRefusedAndItsInstalledPluginsRun(RunningPlatform platform) {
        ApiClient operator = platform.admin();
        TestSigning retired = TestSigning.generate("CN=Retired Publisher");
        String keyId = operator.post("platform/signing-keys", PEM, pem(retired)).json().get("id").asText();
        Response installed = operator.post("plugins", JAR, retired.sign(echo("test.trust.retired", "1.0.0")));
        assertThat(installed.status()).as(installed.body()).isEqualTo(200);

        Response removed = operator.send("DELETE", "platform/signing-keys/" + keyId, null, null);

        assertThat(removed.status()).as(removed.body()).isEqualTo(204);
        assertThat(operator.get("platform/signing-keys").body()).doesNotContain(retired.fingerprint());
        Problems.assertProblem(operator.post("plugins", JAR, retired.sign(echo("test.trust.retired", "1.1.0"))), 400,
                retired.fingerprint());
        assertThat(operator.get("plugins/test.trust.retired").json().get("version").asText()).isEqualTo("1.0.0");
        Problems.assertProblem(operator.send("DELETE", "platform/signing-keys/" + keyId, null, null), 404, "signing key");
        assertThat(operator.send("DELETE", "plugins/test.trust.retired", null, null).status()).isEqualTo(204);
    }

    @Test
    void onlyTheOperatorSeesOrChangesTheTrustedKeys(RunningPlatform platform) {
        ApiClient operator = platform.admin();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String ownerEmail = "owner-" + suffix + "@trust.test";
        Response agency = operator.postJson("agencies", Map.of("name", "Trust " + suffix,
                "owner", Map.of("email", ownerEmail, "password", "owner-password-" + suffix)));
        assertThat(agency.status()).as(agency.body()).isEqualTo(201);
        ApiClient owner = ApiClient.login(platform.baseUri(), ownerEmail, "owner-password-" + suffix);
        String keyId = operator.get("platform/signing-keys").json().get(0).get("id").asText();

        Problems.assertProblem(owner.get("platform/signing-keys"), 403, "");
        Problems.assertProblem(owner.post("platform/signing-keys", PEM, pem(stranger)), 403, "");
        Problems.assertProblem(owner.send("DELETE", "platform/signing-keys/" + keyId, null, null), 403, "");
        assertThat(operator.get("platform/signing-keys").body()).contains(keyId).doesNotContain(stranger.fingerprint());
    }

    /** Trusts the key unless it is trusted already (the tests share one platform). */
    private static void trust(ApiClient operator, TestSigning key) {
        Response added = operator.post("platform/signing-keys", PEM, pem(key));
        assertThat(added.status()).as(added.body()).isIn(201, 409);
    }

    private static byte[] echo(String pluginId, String version) {
        return TestBundles.bundle(pluginId, version, SignedEcho.class, EchoInput.class, EchoOutput.class);
    }

    private static byte[] pem(TestSigning key) {
        return key.certificatePem().getBytes(StandardCharsets.US_ASCII);
    }
}
