package dev.switchboard.core.plugins.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.plugin.Clean;
import com.example.plugin.Exits;
import dev.switchboard.testkit.TestSigning;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactSignaturesTest {

    private static TestSigning publisher;
    private static TestSigning stranger;
    private static IssuedKeys issued;

    private final byte[] plugin = TestJars.of(Clean.class, Exits.class);

    @BeforeAll
    static void makeKeys(@TempDir Path folder) {
        publisher = TestSigning.generate("CN=Acme Plugins,O=Acme");
        stranger = TestSigning.generate("CN=Someone Else");
        issued = IssuedKeys.make(folder);
    }

    @Test
    void aJarSignedByATrustedKeyNamesItsSigner() throws RefusedArtifact {
        ArtifactSignatures.Signer signer = ArtifactSignatures.verify(publisher.sign(plugin),
                List.of(stranger.certificate(), publisher.certificate()));

        assertThat(signer.subject()).isEqualTo("CN=Acme Plugins,O=Acme");
        assertThat(signer.fingerprint()).isEqualTo(publisher.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void anUnsignedJarIsRefusedAsUnsigned() {
        assertRefused(() -> ArtifactSignatures.verify(plugin, List.of(publisher.certificate())),
                RefusedArtifact.Kind.UNSIGNED, "unsigned");
        assertRefused(() -> ArtifactSignatures.verify(TestSigning.unsigned(publisher.sign(plugin)),
                List.of(publisher.certificate())), RefusedArtifact.Kind.UNSIGNED, "unsigned");
    }

    @Test
    void aClassChangedAfterSigningIsRefusedAsTampered() {
        byte[] tampered = TestSigning.withEntry(publisher.sign(plugin), TestJars.path(Clean.class),
                TestJars.classFile(Exits.class));

        assertRefused(() -> ArtifactSignatures.verify(tampered, List.of(publisher.certificate())),
                RefusedArtifact.Kind.TAMPERED, "tampered");
    }

    @Test
    void anEntryAddedAfterSigningIsRefusedByName() {
        byte[] partly = TestSigning.withEntry(publisher.sign(plugin), "com/example/plugin/Extra.class",
                TestJars.classFile(Exits.class));

        assertRefused(() -> ArtifactSignatures.verify(partly, List.of(publisher.certificate())),
                RefusedArtifact.Kind.PARTLY_SIGNED, "'com/example/plugin/Extra.class' is not covered by its signature");
    }

    @Test
    void anExtensionIndexAddedAfterSigningIsRefusedThoughItIsUnderMetaInf() {
        byte[] partly = TestSigning.withEntry(publisher.sign(plugin), "META-INF/switchboard/extensions.idx",
                "com.example.plugin.Exits\n".getBytes(StandardCharsets.UTF_8));

        assertRefused(() -> ArtifactSignatures.verify(partly, List.of(publisher.certificate())),
                RefusedArtifact.Kind.PARTLY_SIGNED, "META-INF/switchboard/extensions.idx");
    }

    @Test
    void aJarSignedByAnUnknownKeyIsRefusedNamingTheSignersFingerprint() {
        assertRefused(() -> ArtifactSignatures.verify(stranger.sign(plugin), List.of(publisher.certificate())),
                RefusedArtifact.Kind.UNKNOWN_SIGNER, "signed by CN=Someone Else (SHA-256 fingerprint "
                        + stranger.fingerprint() + "), a key the operator does not trust");
        assertRefused(() -> ArtifactSignatures.verify(stranger.sign(plugin), List.of()),
                RefusedArtifact.Kind.UNKNOWN_SIGNER, stranger.fingerprint());
    }

    @Test
    void aSignerIssuedByATrustedAuthorityIsTrusted() throws RefusedArtifact {
        assertThat(issued.signerChain).hasSize(2);
        byte[] signed = IssuedKeys.sign(plugin, issued.signerKey, issued.signerChain.toArray(X509Certificate[]::new));

        ArtifactSignatures.Signer signer = ArtifactSignatures.verify(signed, List.of(issued.authority));

        assertThat(signer.subject()).isEqualTo("CN=Acme Release");
        assertThat(signer.fingerprint()).isEqualTo(Certificates.fingerprint(issued.signerChain.get(0)));
    }

    @Test
    void aTrustedAuthorityMerelyListedInTheSignaturesChainVouchesForNothing() {
        // the stranger's certificate names the trusted authority as its issuer, which did not sign it
        assertThat(issued.stranger.getIssuerX500Principal()).isEqualTo(issued.authority.getSubjectX500Principal());
        byte[] forged = IssuedKeys.sign(plugin, issued.strangerKey, issued.stranger, issued.authority);

        assertRefused(() -> ArtifactSignatures.verify(forged, List.of(issued.authority)),
                RefusedArtifact.Kind.UNKNOWN_SIGNER, Certificates.fingerprint(issued.stranger));
    }

    @Test
    void aJarThatIsNotAZipIsRefusedAsUnreadable() {
        assertRefused(() -> ArtifactSignatures.verify("PK not really".getBytes(StandardCharsets.UTF_8), List.of()),
                RefusedArtifact.Kind.UNREADABLE, "cannot be read");
    }

    private static void assertRefused(ThrowingCallable verify, RefusedArtifact.Kind kind, String reason) {
        assertThatThrownBy(verify).isInstanceOfSatisfying(RefusedArtifact.class,
                refused -> assertThat(refused.kind()).isEqualTo(kind)).hasMessageContaining(reason);
    }
}
