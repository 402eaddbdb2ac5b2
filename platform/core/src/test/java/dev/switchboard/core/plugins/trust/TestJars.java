package dev.switchboard.core.plugins.trust;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Jars for the trust tests, from class files compiled with them and bytes made up. */
final class TestJars {

    private TestJars() {
    }

    /** A jar holding these classes' class files, and nothing else but a manifest. */
    static byte[] of(Class<?>... classes) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (Class<?> type : classes) {
            entries.put(path(type), classFile(type));
        }
        return of(entries);
    }

    /** A jar of these entries, in this order. */
    static byte[] of(Map<String, byte[]> entries) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String path(Class<?> type) {
        return type.getName().replace('.', '/') + ".class";
    }

    static byte[] classFile(Class<?> type) {
        try (InputStream in = type.getClassLoader().getResourceAsStream(path(type))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
