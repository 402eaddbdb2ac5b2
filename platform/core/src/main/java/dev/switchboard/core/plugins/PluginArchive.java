package dev.switchboard.core.plugins;

import dev.switchboard.core.problems.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import org.osgi.framework.Version;

/**
 * An uploaded plugin artifact, checked before it gets near a class loader: a jar whose manifest
 * names the plugin and its version, either as an OSGi bundle ({@code Bundle-SymbolicName},
 * {@code Bundle-Version}) or as a PF4J plugin ({@code Plugin-Id}, {@code Plugin-Version}).
 *
 * @param pluginId the bundle symbolic name or PF4J plugin id, which is the plugin's id
 * @param version the version (a PF4J {@code 1.2.3-beta} reads as {@code 1.2.3.beta})
 * @param name human name (Bundle-Name or Plugin-Description, or the id)
 * @param sha256 hex digest of the bytes
 */
public record PluginArchive(String pluginId, Version version, String name, String sha256, Packaging packaging,
                            byte[] content) {

    /** How the artifact is packaged, which decides the loader that runs it. */
    public enum Packaging { OSGI, PF4J }

    /** Largest artifact accepted; plugins embed their libraries, so allow a generous size. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    private static final String TITLE = "Not a valid plugin";

    public static PluginArchive read(byte[] content) {
        if (content == null || content.length == 0) {
            throw invalid("the upload is empty; send the plugin's jar as the request body");
        }
        if (content.length > MAX_BYTES) {
            throw invalid("the upload is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
            throw invalid("the upload is not a jar (zip) file");
        }
        Manifest manifest;
        int entries = 0;
        // signatures are the trust check's to judge (it names a tampered jar as such), not the reader's
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(content), false)) {
            manifest = jar.getManifest();
            // walk the whole archive so a truncated or corrupt upload is refused here
            while (jar.getNextJarEntry() != null) {
                entries++;
            }
        } catch (IOException | SecurityException e) {
            throw invalid("the jar cannot be read: " + e.getMessage());
        }
        if (manifest == null && entries == 0) {
            throw invalid("the jar cannot be read: it holds no entries (truncated or corrupt upload)");
        }
        if (manifest == null) {
            throw invalid("the jar has no META-INF/MANIFEST.MF");
        }
        Attributes main = manifest.getMainAttributes();
        if (trim(main.getValue("Plugin-Id")) != null && trim(main.getValue("Bundle-SymbolicName")) == null) {
            return pf4j(main, content);
        }
        if (!"2".equals(trim(main.getValue("Bundle-ManifestVersion")))) {
            throw invalid("the jar is neither an OSGi bundle (Bundle-ManifestVersion: 2) nor a PF4J plugin (Plugin-Id)");
        }
        String symbolicName = trim(main.getValue("Bundle-SymbolicName"));
        if (symbolicName == null) {
            throw invalid("the manifest has no Bundle-SymbolicName");
        }
        String pluginId = checkedId(symbolicName.split(";", 2)[0].trim(), "Bundle-SymbolicName");
        Version version;
        try {
            version = Version.parseVersion(trim(main.getValue("Bundle-Version")));
        } catch (IllegalArgumentException e) {
            throw invalid("Bundle-Version '" + main.getValue("Bundle-Version") + "' is not an OSGi version");
        }
        String name = trim(main.getValue("Bundle-Name"));
        return new PluginArchive(pluginId, version, name == null ? pluginId : name, sha256(content), Packaging.OSGI,
                content);
    }

    private static PluginArchive pf4j(Attributes main, byte[] content) {
        String pluginId = checkedId(trim(main.getValue("Plugin-Id")), "Plugin-Id");
        String declared = trim(main.getValue("Plugin-Version"));
        if (declared == null) {
            throw invalid("the manifest has no Plugin-Version");
        }
        Version version;
        try {
            // semantic versions (1.2.3-beta.1) become OSGi ones (1.2.3.beta_1) so both packagings compare alike
            String[] parts = declared.split("-", 2);
            version = Version.parseVersion(parts.length == 1 ? parts[0]
                    : parts[0] + "." + parts[1].replaceAll("[^A-Za-z0-9_-]", "_"));
        } catch (IllegalArgumentException e) {
            throw invalid("Plugin-Version '" + declared + "' is not a version like 1.2.3");
        }
        String name = trim(main.getValue("Plugin-Description"));
        return new PluginArchive(pluginId, version, name == null ? pluginId : name, sha256(content), Packaging.PF4J,
                content);
    }

    private static String checkedId(String pluginId, String header) {
        if (!SYMBOLIC_NAME.matcher(pluginId).matches() || pluginId.length() > 200) {
            throw invalid(header + " '" + pluginId + "' is not a valid plugin id (letters, digits, '.', '_', '-')");
        }
        if (pluginId.startsWith("dev.switchboard.api") || pluginId.startsWith("org.apache.felix")
                || pluginId.startsWith("org.pf4j")) {
            throw invalid(header + " '" + pluginId + "' is reserved for the platform");
        }
        return pluginId;
    }

    static ProblemException invalid(String detail) {
        return ProblemException.badRequest(TITLE + ": " + detail);
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
