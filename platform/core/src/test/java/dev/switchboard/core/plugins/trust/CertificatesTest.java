package dev.switchboard.core.plugins.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.testkit.TestSigning;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

class CertificatesTest {

    private static final TestSigning PUBLISHER = TestSigning.testKey();

    @Test
    void aPemCertificateReadsBackAsItWasWrittenWithKeytoolsFingerprint() {
        String pem = PUBLISHER.certificatePem();

        X509Certificate certificate = Certificates.parse("Acme's release key\n" + pem);

        assertThat(certificate).isEqualTo(PUBLISHER.certificate());
        assertThat(Certificates.fingerprint(certificate)).isEqualTo(PUBLISHER.fingerprint());
        assertThat(Certificates.parse(Certificates.pem(certificate))).isEqualTo(certificate);
        assertThat(Certificates.subject(certificate)).isEqualTo("CN=Switchboard Test Plugins");
    }

    @Test
    void whatIsNotOneCertificateIsRefusedSayingWhy() {
        String pem = PUBLISHER.certificatePem();
        assertThatThrownBy(() -> Certificates.parse(" ")).hasMessageContaining("the body is empty");
        assertThatThrownBy(() -> Certificates.parse("hello")).hasMessageContaining("holds no PEM certificate");
        assertThatThrownBy(() -> Certificates.parse(pem + pem)).hasMessageContaining("more than one certificate");
        assertThatThrownBy(() -> Certificates.parse("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"))
                .hasMessageContaining("not an X.509 certificate");
    }
}
