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
 * An uploaded plugin artifact, checked before it gets near the framework: a jar with an OSGi
 * bundle manifest naming the plugin and its version.
 *
 * @param pluginId the bundle symbolic name, which is the plugin's id
 * @param version the bundle version
 * @param name human name (Bundle-Name, or the id)
 * @param sha256 hex digest of the bytes
 */
public record PluginArchive(String pluginId, Version version, String name, String sha256, byte[] content) {

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
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(content))) {
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
        if (!"2".equals(trim(main.getValue("Bundle-ManifestVersion")))) {
            throw invalid("the jar is not an OSGi bundle (Bundle-ManifestVersion: 2 missing)");
        }
        String symbolicName = trim(main.getValue("Bundle-SymbolicName"));
        if (symbolicName == null) {
            throw invalid("the manifest has no Bundle-SymbolicName");
        }
        String pluginId = symbolicName.split(";", 2)[0].trim();
        if (!SYMBOLIC_NAME.matcher(pluginId).matches()) {
            throw invalid("Bundle-SymbolicName '" + pluginId + "' is not a valid symbolic name");
        }
        if (pluginId.startsWith("dev.switchboard.api") || pluginId.startsWith("org.apache.felix")) {
            throw invalid("Bundle-SymbolicName '" + pluginId + "' is reserved for the platform");
        }
        Version version;
        try {
            version = Version.parseVersion(trim(main.getValue("Bundle-Version")));
        } catch (IllegalArgumentException e) {
            throw invalid("Bundle-Version '" + main.getValue("Bundle-Version") + "' is not an OSGi version");
        }
        String name = trim(main.getValue("Bundle-Name"));
        return new PluginArchive(pluginId, version, name == null ? pluginId : name, sha256(content), content);
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
