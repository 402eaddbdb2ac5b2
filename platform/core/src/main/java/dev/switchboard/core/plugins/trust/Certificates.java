package dev.switchboard.core.plugins.trust;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * X.509 certificates as operators handle them: PEM text in, the SHA-256 fingerprint keytool prints
 * ({@code AB:CD:…}) out, so an operator can compare what the platform shows with what the plugin's
 * publisher announced.
 */
public final class Certificates {

    /** Longest PEM text read: a certificate is a few kilobytes. */
    public static final int MAX_PEM_CHARS = 64 * 1024;

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");

    private Certificates() {
    }

    /**
     * The one certificate of {@code pem}.
     *
     * @throws IllegalArgumentException naming what is wrong: no PEM block, more than one, or not an
     *         X.509 certificate
     */
    public static X509Certificate parse(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("the body is empty; send one PEM certificate "
                    + "(-----BEGIN CERTIFICATE----- …)");
        }
        if (pem.length() > MAX_PEM_CHARS) {
            throw new IllegalArgumentException("the body is longer than " + MAX_PEM_CHARS / 1024 + " KB; send one PEM "
                    + "certificate");
        }
        Matcher block = PEM.matcher(pem);
        if (!block.find()) {
            throw new IllegalArgumentException("the body holds no PEM certificate (-----BEGIN CERTIFICATE----- … "
                    + "-----END CERTIFICATE-----)");
        }
        String base64 = block.group(1).replaceAll("\\s", "");
        if (block.find()) {
            throw new IllegalArgumentException("the body holds more than one certificate; add them one at a time");
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM block is not valid base64");
        }
        try {
            Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(der));
            if (read.size() != 1 || !(read.iterator().next() instanceof X509Certificate certificate)) {
                throw new IllegalArgumentException("the PEM block is not one X.509 certificate");
            }
            return certificate;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("the PEM block is not an X.509 certificate: " + e.getMessage());
        }
    }

    /** The certificate as PEM text, 64 characters a line. */
    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate has an encoding", e);
        }
    }

    /** SHA-256 of the certificate's DER encoding, as keytool prints it: upper-case hex pairs joined by colons. */
    public static String fingerprint(Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate has an encoding", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The subject's distinguished name, as RFC 2253 writes it ({@code CN=Acme Plugins,O=Acme}). */
    public static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
