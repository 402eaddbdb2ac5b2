package dev.switchboard.core.plugins.trust;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import jdk.security.jarsigner.JarSigner;

/**
 * A certificate authority and a signer it issued, made with keytool as a publisher's PKI would, for
 * the chain cases of the signature tests; and jar signing with any chain, true or not.
 */
final class IssuedKeys {

    private static final String PASSWORD = "test-password";

    final X509Certificate authority;
    final PrivateKey signerKey;
    final List<X509Certificate> signerChain;
    final PrivateKey strangerKey;
    final X509Certificate stranger;

    private IssuedKeys(X509Certificate authority, PrivateKey signerKey, List<X509Certificate> signerChain,
                       PrivateKey strangerKey, X509Certificate stranger) {
        this.authority = authority;
        this.signerKey = signerKey;
        this.signerChain = signerChain;
        this.strangerKey = strangerKey;
        this.stranger = stranger;
    }

    /**
     * {@code CN=Acme CA} and {@code CN=Acme Release} issued by it; and a stranger's {@code CN=Acme Release}
     * issued by an authority of the stranger's own that calls itself {@code CN=Acme CA} too.
     */
    static IssuedKeys make(Path folder) {
        String store = folder.resolve("keys.p12").toString();
        keytool(folder, "-genkeypair", "-alias", "ca", "-dname", "CN=Acme CA", "-ext", "bc:c", "-keystore", store);
        keytool(folder, "-genkeypair", "-alias", "signer", "-dname", "CN=Acme Release", "-keystore", store);
        keytool(folder, "-certreq", "-alias", "signer", "-file", "signer.csr", "-keystore", store);
        keytool(folder, "-gencert", "-alias", "ca", "-infile", "signer.csr", "-outfile", "signer.cer", "-keystore", store);
        keytool(folder, "-importcert", "-alias", "signer", "-file", "signer.cer", "-noprompt", "-keystore", store);
        String strangers = folder.resolve("stranger.p12").toString();
        keytool(folder, "-genkeypair", "-alias", "ca", "-dname", "CN=Acme CA", "-ext", "bc:c", "-keystore", strangers);
        keytool(folder, "-genkeypair", "-alias", "stranger", "-dname", "CN=Acme Release", "-keystore", strangers);
        keytool(folder, "-certreq", "-alias", "stranger", "-file", "stranger.csr", "-keystore", strangers);
        keytool(folder, "-gencert", "-alias", "ca", "-infile", "stranger.csr", "-outfile", "stranger.cer",
                "-keystore", strangers);
        try (InputStream in = Files.newInputStream(Path.of(store));
             InputStream strangersIn = Files.newInputStream(Path.of(strangers));
             InputStream strangerCertificate = Files.newInputStream(folder.resolve("stranger.cer"))) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD.toCharArray());
            KeyStore strangerKeys = KeyStore.getInstance("PKCS12");
            strangerKeys.load(strangersIn, PASSWORD.toCharArray());
            List<X509Certificate> chain = new ArrayList<>();
            for (var certificate : keys.getCertificateChain("signer")) {
                chain.add((X509Certificate) certificate);
            }
            return new IssuedKeys((X509Certificate) keys.getCertificate("ca"),
                    (PrivateKey) keys.getKey("signer", PASSWORD.toCharArray()), chain,
                    (PrivateKey) strangerKeys.getKey("stranger", PASSWORD.toCharArray()),
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(strangerCertificate));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The jar signed with {@code key}, the signature carrying {@code chain} as its certificates, whatever they are. */
    static byte[] sign(byte[] jar, PrivateKey key, X509Certificate... chain) {
        try {
            Path file = Files.createTempFile("unsigned-", ".jar");
            try {
                Files.write(file, jar);
                ByteArrayOutputStream signed = new ByteArrayOutputStream();
                try (ZipFile in = new ZipFile(file.toFile())) {
                    new JarSigner.Builder(key, CertificateFactory.getInstance("X.509").generateCertPath(Arrays.asList(chain)))
                            .digestAlgorithm("SHA-256").build().sign(in, signed);
                }
                return signed.toByteArray();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keytool(Path folder, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        if (arguments[0].equals("-genkeypair")) {
            command.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1", "-validity", "3650", "-keypass", PASSWORD));
        }
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        try {
            Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
