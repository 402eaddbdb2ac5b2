package dev.switchboard.core.plugins.trust;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;

/**
 * A jar given as bytes, opened the way the plugin loaders open it: through its central directory
 * ({@link JarFile} on a file), not by streaming its local entries. A zip can be made to show one set
 * of entries to a stream and another to its directory, so the checks look where the loaders look.
 * The bytes go to a temporary file, deleted on {@link #close}.
 */
final class JarView implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JarView.class.getName());

    private final Path file;
    private final JarFile jar;

    private JarView(Path file, JarFile jar) {
        this.file = file;
        this.jar = jar;
    }

    /**
     * @param verify whether {@link JarFile} checks signatures as entries are read (a
     *               {@link SecurityException} on content that does not match them)
     */
    static JarView open(byte[] content, boolean verify) throws RefusedArtifact {
        Path file;
        try {
            file = Files.createTempFile("switchboard-plugin-check-", ".jar");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary file to check a plugin: " + e.getMessage(), e);
        }
        try {
            Files.write(file, content);
            return new JarView(file, new JarFile(file.toFile(), verify, JarFile.OPEN_READ));
        } catch (IOException e) {
            delete(file);
            throw new RefusedArtifact(RefusedArtifact.Kind.UNREADABLE, "the jar cannot be read: " + e.getMessage());
        } catch (SecurityException e) {
            delete(file);
            throw new RefusedArtifact(RefusedArtifact.Kind.TAMPERED, "its signature does not match: " + e.getMessage());
        }
    }

    JarFile jar() {
        return jar;
    }

    /**
     * The file entries (no folders), refusing a jar that names one entry twice: a loader reads one of
     * them, and which one is up to its implementation.
     */
    List<ZipEntry> files(int maxEntries) throws RefusedArtifact {
        Set<String> names = new HashSet<>();
        List<ZipEntry> files = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            if (!names.add(entry.getName())) {
                throw new RefusedArtifact(RefusedArtifact.Kind.TAMPERED, "the jar holds the entry '" + entry.getName()
                        + "' twice, which no build tool writes");
            }
            if (names.size() > maxEntries) {
                throw new RefusedArtifact(RefusedArtifact.Kind.TOO_LARGE, "the jar holds more than " + maxEntries
                        + " entries");
            }
            if (!entry.isDirectory()) {
                files.add(entry);
            }
        }
        return files;
    }

    InputStream open(ZipEntry entry) throws IOException {
        return jar.getInputStream(entry);
    }

    @Override
    public void close() {
        try {
            jar.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing " + file + " failed", e);
        }
        delete(file);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot delete the temporary file " + file, e);
        }
    }
}
