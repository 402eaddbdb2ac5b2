package dev.switchboard.core.plugins.trust;

import java.io.IOException;
import java.io.InputStream;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;

/**
 * Checks the JAR signature of a plugin artifact (as {@code jarsigner} or
 * {@code jdk.security.jarsigner.JarSigner} make it) against the certificates the operator trusts.
 * Every entry but the signature files themselves must be signed, all by one signer, and the content
 * must match the signature; the signer is trusted when its own certificate is one the operator
 * trusts, or when its certificate chain leads, signature by signature, to one.
 *
 * <p>Entries under {@code META-INF/} are no exception (only the manifest and the signature files
 * are): the extension indexes and service files there decide which classes the platform
 * instantiates.
 */
public final class ArtifactSignatures {

    /** Most uncompressed bytes read to check a signature: as many as the bytecode verifier reads. */
    public static final long MAX_BYTES = BytecodeVerifier.DEFAULT_MAX_BYTES;
    /** Most entries of one jar. */
    public static final int MAX_ENTRIES = 100_000;

    private ArtifactSignatures() {
    }

    /**
     * Who signed the artifact.
     *
     * @param subject the signer certificate's subject
     * @param fingerprint SHA-256 of the signer's certificate, as keytool prints it
     */
    public record Signer(String subject, String fingerprint) {
    }

    /**
     * The trusted signer of {@code jar}.
     *
     * @param trusted the certificates the operator trusts
     * @throws RefusedArtifact UNSIGNED, PARTLY_SIGNED, TAMPERED, UNKNOWN_SIGNER (naming the signer's
     *         subject and fingerprint), UNREADABLE or TOO_LARGE, with the reason
     */
    public static Signer verify(byte[] jar, Collection<X509Certificate> trusted) throws RefusedArtifact {
        try (JarView view = JarView.open(jar, true)) {
            return verify(view, trusted);
        }
    }

    private static Signer verify(JarView view, Collection<X509Certificate> trusted) throws RefusedArtifact {
        ReadBudget budget = new ReadBudget(MAX_BYTES);
        List<String> unsigned = new ArrayList<>();
        Map<Certificate, CodeSigner> common = null;
        for (ZipEntry entry : view.files(MAX_ENTRIES)) {
            String name = entry.getName();
            try (InputStream in = view.open(entry)) {
                // the signature is checked as the entry is read to its end
                budget.drain(in, name);
            } catch (SecurityException e) {
                throw new RefusedArtifact(RefusedArtifact.Kind.TAMPERED, "the artifact was tampered with after it was "
                        + "signed: " + e.getMessage());
            } catch (IOException e) {
                throw new RefusedArtifact(RefusedArtifact.Kind.UNREADABLE, "the jar cannot be read at '" + name + "': "
                        + e.getMessage());
            }
            if (isSignatureFile(name)) {
                continue;
            }
            CodeSigner[] signers = ((JarEntry) entry).getCodeSigners();
            if (signers == null || signers.length == 0) {
                unsigned.add(name);
                continue;
            }
            Map<Certificate, CodeSigner> ofEntry = new LinkedHashMap<>();
            for (CodeSigner signer : signers) {
                ofEntry.put(signer.getSignerCertPath().getCertificates().get(0), signer);
            }
            if (common == null) {
                common = ofEntry;
            } else {
                common.keySet().retainAll(ofEntry.keySet());
            }
        }
        if (common == null) {
            throw new RefusedArtifact(RefusedArtifact.Kind.UNSIGNED, "the artifact is unsigned: sign it (jarsigner) "
                    + "with a key whose certificate the operator trusts");
        }
        if (!unsigned.isEmpty()) {
            throw new RefusedArtifact(RefusedArtifact.Kind.PARTLY_SIGNED, "the artifact is only partly signed: '"
                    + unsigned.get(0) + "' is not covered by its signature"
                    + (unsigned.size() > 1 ? " (nor are " + (unsigned.size() - 1) + " more entries)" : ""));
        }
        if (common.isEmpty()) {
            throw new RefusedArtifact(RefusedArtifact.Kind.PARTLY_SIGNED, "the artifact is only partly signed: "
                    + "its entries are not all signed by the same signer");
        }
        Set<String> trustedFingerprints = trusted.stream().map(Certificates::fingerprint).collect(Collectors.toSet());
        for (CodeSigner signer : common.values()) {
            if (vouchedFor(signer, trustedFingerprints)) {
                X509Certificate certificate = (X509Certificate) signer.getSignerCertPath().getCertificates().get(0);
                return new Signer(Certificates.subject(certificate), Certificates.fingerprint(certificate));
            }
        }
        X509Certificate first = (X509Certificate) common.keySet().iterator().next();
        throw new RefusedArtifact(RefusedArtifact.Kind.UNKNOWN_SIGNER, "the artifact is signed by "
                + Certificates.subject(first) + " (SHA-256 fingerprint " + Certificates.fingerprint(first)
                + "), a key the operator does not trust");
    }

    /**
     * Whether a certificate the operator trusts vouches for the signer: the signer's own, or one
     * further up its chain reached by checking, link by link, that each certificate is signed by the
     * next, a certificate authority. A chain is what the jar says about itself, so a trusted
     * certificate merely listed in it proves nothing.
     */
    private static boolean vouchedFor(CodeSigner signer, Set<String> trustedFingerprints) {
        List<? extends Certificate> chain = signer.getSignerCertPath().getCertificates();
        for (int i = 0; i < chain.size(); i++) {
            if (i > 0) {
                X509Certificate issued = (X509Certificate) chain.get(i - 1);
                X509Certificate issuer = (X509Certificate) chain.get(i);
                if (!signedBy(issued, issuer)) {
                    return false;
                }
            }
            if (trustedFingerprints.contains(Certificates.fingerprint(chain.get(i)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean signedBy(X509Certificate issued, X509Certificate issuer) {
        if (issuer.getBasicConstraints() < 0 || !issued.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            issued.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * The manifest and the signature files themselves, which signing does not cover: directly in
     * {@code META-INF/}, {@code MANIFEST.MF}, {@code *.SF}, {@code *.RSA}, {@code *.DSA}, {@code *.EC}
     * and {@code SIG-*} (as the JDK's verifier decides).
     */
    static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        String file = upper.substring("META-INF/".length());
        return file.equals("MANIFEST.MF") || file.endsWith(".SF") || file.endsWith(".RSA") || file.endsWith(".DSA")
                || file.endsWith(".EC") || file.startsWith("SIG-");
    }
}
