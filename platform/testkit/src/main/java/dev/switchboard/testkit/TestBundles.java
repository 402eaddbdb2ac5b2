package dev.switchboard.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds a plugin bundle in a test from classes compiled with the test, to install into a platform
 * without a build of its own: a fixture action that misbehaves on purpose, say.
 *
 * <pre>{@code
 * byte[] plugin = TestBundles.bundle("test.slow.plugin", "1.0.0", SlowPluginActivator.class, SlowAction.class);
 * api.post("plugins", "application/java-archive", plugin);
 * }</pre>
 *
 * The bundle imports the SDK packages and {@code org.osgi.framework}; the classes must need nothing else.
 */
public final class TestBundles {

    private static final String IMPORTS = "dev.switchboard.api.action;version=\"[1.1,2)\","
            + "dev.switchboard.api.settings;version=\"[1.0,2)\",org.osgi.framework";

    private TestBundles() {
    }

    /**
     * @param activator the bundle activator; it and {@code classes} (with their nested classes) go into the jar
     */
    public static byte[] bundle(String symbolicName, String version, Class<?> activator, Class<?>... classes) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Name", symbolicName);
        main.putValue("Bundle-Activator", activator.getName());
        main.putValue("Import-Package", IMPORTS);
        Set<Class<?>> all = new LinkedHashSet<>();
        all.add(activator);
        all.addAll(List.of(activator.getDeclaredClasses()));
        for (Class<?> type : classes) {
            all.add(type);
            all.addAll(List.of(type.getDeclaredClasses()));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Class<?> type : all) {
                add(jar, type);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void add(JarOutputStream jar, Class<?> type) throws IOException {
        String path = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no class file for " + type.getName());
            }
            jar.putNextEntry(new JarEntry(path));
            in.transferTo(jar);
            jar.closeEntry();
        }
    }
}
