package dev.switchboard.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertPath;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import jdk.security.jarsigner.JarSigner;

/**
 * A signing key for tests: a key pair and a self-signed certificate made with the JDK's
 * {@code keytool}, which signs plugin artifacts as {@code jarsigner} would. The platform installs only
 * artifacts signed by a key the operator trusts; {@link RunningPlatform} trusts {@link #testKey()},
 * and {@link TestBundles} signs with it, so tests upload plugins as a real publisher would.
 *
 * <pre>{@code
 * TestSigning publisher = TestSigning.generate("CN=Acme Plugins");
 * operator.post("platform/signing-keys", "application/x-pem-file", publisher.certificatePem().getBytes(UTF_8));
 * operator.post("plugins", "application/java-archive", publisher.sign(unsignedJar));
 * }</pre>
 *
 * It also makes the artifacts a publisher would not: {@link #unsigned}, and {@link #withEntry} for
 * one changed after signing.
 */
public final class TestSigning {

    private static final String ALIAS = "plugin";

    private final PrivateKey privateKey;
    private final CertPath certificates;

    private TestSigning(PrivateKey privateKey, CertPath certificates) {
        this.privateKey = privateKey;
        this.certificates = certificates;
    }

    /** The test JVM's one publisher key ({@code CN=Switchboard Test Plugins}), made on first use. */
    public static TestSigning testKey() {
        return TestKey.KEY;
    }

    /** A new key pair (EC P-256) with a self-signed certificate for {@code distinguishedName}, valid for 10 years. */
    public static TestSigning generate(String distinguishedName) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("switchboard-test-signing-");
            Path store = folder.resolve("key.p12");
            String password = UUID.randomUUID().toString();
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                    "-sigalg", "SHA256withECDSA", "-dname", distinguishedName, "-validity", "3650",
                    "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", password,
                    "-keypass", password);
            Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, password.toCharArray());
            }
            PrivateKey key = (PrivateKey) keys.getKey(ALIAS, password.toCharArray());
            Certificate[] chain = keys.getCertificateChain(ALIAS);
            return new TestSigning(key, CertificateFactory.getInstance("X.509").generateCertPath(Arrays.asList(chain)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the key keytool made", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(folder);
        }
    }

    /** The certificate, PEM, as an operator adds it to the keys the platform trusts. */
    public String certificatePem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of the certificate as keytool prints it ({@code AB:CD:…}), as the platform names signers. */
    public String fingerprint() {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public X509Certificate certificate() {
        return (X509Certificate) certificates.getCertificates().get(0);
    }

    /** The jar signed with this key (SHA-256 digests), as {@code jarsigner} signs it; signatures it had are replaced. */
    public byte[] sign(byte[] jar) {
        Path file = null;
        try {
            file = Files.createTempFile("switchboard-unsigned-", ".jar");
            Files.write(file, unsigned(jar));
            ByteArrayOutputStream signed = new ByteArrayOutputStream();
            try (ZipFile in = new ZipFile(file.toFile())) {
                new JarSigner.Builder(privateKey, certificates).digestAlgorithm("SHA-256").signerName("PLUGIN").build()
                        .sign(in, signed);
            }
            return signed.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 and EC signatures are part of every JDK", e);
        } finally {
            deleteQuietly(file);
        }
    }

    /** The jar without its signature: the signature files and the manifest's per-entry digests removed. */
    public static byte[] unsigned(byte[] jar) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar), false)) {
            Manifest manifest = in.getManifest() == null ? new Manifest() : new Manifest(in.getManifest());
            manifest.getEntries().clear();
            if (manifest.getMainAttributes().getValue(Attributes.Name.MANIFEST_VERSION) == null) {
                manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            }
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    if (!isSignatureFile(entry.getName())) {
                        out.putNextEntry(new JarEntry(entry.getName()));
                        in.transferTo(out);
                        out.closeEntry();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The jar with the entry {@code name} replaced by {@code content}, or added when it has none, and
     * every other byte as it was, signature files included: a signed jar tampered with after signing
     * (a replaced entry) or partly signed (an added one).
     */
    public static byte[] withEntry(byte[] jar, String name, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean replaced = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(name)) {
                    out.write(content);
                    replaced = true;
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            if (!replaced) {
                out.putNextEntry(new ZipEntry(name));
                out.write(content);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        String file = upper.substring("META-INF/".length());
        return file.endsWith(".SF") || file.endsWith(".RSA") || file.endsWith(".DSA") || file.endsWith(".EC")
                || file.startsWith("SIG-");
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try (var files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary file left behind is harmless
        }
    }

    /** Made on first use: running keytool costs a second. */
    private static final class TestKey {
        private static final TestSigning KEY = generate("CN=Switchboard Test Plugins");
    }
}
