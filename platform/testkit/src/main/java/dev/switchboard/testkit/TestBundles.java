package dev.switchboard.testkit;

import dev.switchboard.api.Extension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds a plugin artifact in a test from classes compiled with the test, in either packaging, to
 * install into a platform without a build of its own: a fixture action that misbehaves on purpose, say.
 *
 * <pre>{@code
 * byte[] osgi = TestBundles.bundle("test.slow.plugin", "1.0.0", SlowAction.class, SlowInput.class);
 * byte[] pf4j = TestBundles.pf4j("test.slow.plugin", "1.0.0", SlowAction.class, SlowInput.class);
 * api.post("plugins", "application/java-archive", osgi);
 * }</pre>
 *
 * The classes (with their nested classes) go into the jar; those marked {@link Extension} are listed in
 * the extension index each packaging reads. The classes must need nothing but the JDK and the SDK.
 * The artifact is signed with {@link TestSigning#testKey()}, the key {@link RunningPlatform} trusts
 * ({@link TestSigning#unsigned} takes the signature off again).
 */
public final class TestBundles {

    private static final String SDK_IMPORTS = String.join(",",
            "dev.switchboard.api;version=\"[1.0,2)\"",
            "dev.switchboard.api.action;version=\"[1.0,2)\"",
            "dev.switchboard.api.host;version=\"[1.0,2)\"",
            "dev.switchboard.api.imports;version=\"[1.0,2)\"",
            "dev.switchboard.api.permission;version=\"[1.0,2)\"",
            "dev.switchboard.api.schema;version=\"[1.0,2)\"",
            "dev.switchboard.api.settings;version=\"[1.0,2)\"",
            "dev.switchboard.api.trigger;version=\"[1.0,2)\"",
            "dev.switchboard.api.webhook;version=\"[1.0,2)\"");
    private static final String SDK_INDEX = "META-INF/switchboard/extensions.idx";
    private static final String PF4J_INDEX = "META-INF/extensions.idx";

    private TestBundles() {
    }

    /** An OSGi bundle: symbolic name, version, SDK imports and the SDK's extension index. */
    public static byte[] bundle(String symbolicName, String version, Class<?>... classes) {
        return bundle(symbolicName, version, Map.of(), classes);
    }

    /** An OSGi bundle that also carries resources (path in the jar → text), such as {@code db/migration/V1__x.sql}. */
    public static byte[] bundle(String symbolicName, String version, Map<String, String> resources, Class<?>... classes) {
        Manifest manifest = manifest();
        Attributes main = manifest.getMainAttributes();
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Name", symbolicName);
        main.putValue("Import-Package", SDK_IMPORTS);
        return TestSigning.testKey().sign(jar(manifest, SDK_INDEX, resources, classes));
    }

    /** A PF4J plugin: a plain jar with PF4J's manifest and PF4J's extension index. */
    public static byte[] pf4j(String pluginId, String version, Class<?>... classes) {
        return pf4j(pluginId, version, Map.of(), classes);
    }

    /** A PF4J plugin that also carries resources (path in the jar → text). */
    public static byte[] pf4j(String pluginId, String version, Map<String, String> resources, Class<?>... classes) {
        Manifest manifest = manifest();
        Attributes main = manifest.getMainAttributes();
        main.putValue("Plugin-Id", pluginId);
        main.putValue("Plugin-Version", version);
        main.putValue("Plugin-Description", pluginId);
        main.putValue("Plugin-Requires", ">=1.0.0 & <2.0.0");
        return TestSigning.testKey().sign(jar(manifest, PF4J_INDEX, resources, classes));
    }

    private static Manifest manifest() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        return manifest;
    }

    private static byte[] jar(Manifest manifest, String index, Map<String, String> resources, Class<?>... classes) {
        Set<Class<?>> all = new LinkedHashSet<>();
        for (Class<?> type : classes) {
            all.add(type);
            all.addAll(List.of(type.getDeclaredClasses()));
        }
        StringBuilder extensions = new StringBuilder();
        for (Class<?> type : all) {
            if (type.isAnnotationPresent(Extension.class)) {
                extensions.append(type.getName()).append('\n');
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new JarEntry(index));
            jar.write(extensions.toString().getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
            for (Map.Entry<String, String> resource : new java.util.TreeMap<>(resources).entrySet()) {
                jar.putNextEntry(new JarEntry(resource.getKey()));
                jar.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
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
