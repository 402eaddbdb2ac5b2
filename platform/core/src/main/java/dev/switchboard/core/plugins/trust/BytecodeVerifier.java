package dev.switchboard.core.plugins.trust;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import org.objectweb.asm.ClassReader;

/**
 * Reads every class of a plugin artifact, in the jar itself and in the jars nested in it (an OSGi
 * bundle's embedded libraries, a PF4J plugin's {@code lib/}), and lists the uses
 * {@link ForbiddenUses} forbids. It never loads or runs the code. The work is bounded: the bytes it
 * inflates, the entries it reads and how deep jars nest, so a zip bomb is refused rather than
 * unpacked.
 *
 * <p>Static analysis sees what the code names, not what it computes: a class or method looked up by
 * a name built at run time, code defined from bytes at run time, or native code, is not seen. The
 * verdict says which direct uses are there; it does not prove their absence.
 */
public final class BytecodeVerifier {

    /** Findings listed; the rest are counted. */
    public static final int MAX_FINDINGS = 200;
    /** Deepest nesting of jars read: the artifact is 0, a jar in it 1, a jar in that 2. */
    public static final int MAX_DEPTH = 2;
    /** Most uncompressed bytes read by default, every nested jar and class counted. */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    /** Most entries of one jar. */
    public static final int MAX_ENTRIES = 100_000;

    private final long maxBytes;

    public BytecodeVerifier() {
        this(DEFAULT_MAX_BYTES);
    }

    /** A verifier that reads at most {@code maxBytes} uncompressed bytes of one artifact. */
    public BytecodeVerifier(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * What a scan found.
     *
     * @param findings the first {@link #MAX_FINDINGS} findings, in the order of the jar
     * @param total how many there are in all
     * @param classes how many classes were read
     */
    public record Scan(List<Finding> findings, int total, int classes) {

        public boolean clean() {
            return total == 0;
        }
    }

    /**
     * Scans the artifact.
     *
     * @throws RefusedArtifact TOO_LARGE over a limit, UNREADABLE when a jar or a class cannot be read
     *         (a class the verifier cannot read is one it cannot vouch for)
     */
    public Scan scan(byte[] artifact) throws RefusedArtifact {
        Findings findings = new Findings();
        ReadBudget budget = new ReadBudget(maxBytes);
        int[] classes = {0};
        scan(artifact, "", 0, budget, findings, classes);
        return new Scan(List.copyOf(findings.listed), findings.total, classes[0]);
    }

    private void scan(byte[] jar, String prefix, int depth, ReadBudget budget, Findings findings, int[] classes)
            throws RefusedArtifact {
        try (JarView view = JarView.open(jar, false)) {
            for (ZipEntry entry : view.files(MAX_ENTRIES)) {
                String name = entry.getName();
                String lower = name.toLowerCase(Locale.ROOT);
                boolean isClass = lower.endsWith(".class");
                boolean isJar = lower.endsWith(".jar");
                if (!isClass && !isJar) {
                    continue;
                }
                if (isJar && depth == MAX_DEPTH) {
                    throw new RefusedArtifact(RefusedArtifact.Kind.TOO_LARGE, "'" + prefix + name + "' is a jar nested "
                            + (depth + 1) + " levels deep; the verifier reads " + MAX_DEPTH + " levels");
                }
                byte[] bytes;
                try (InputStream in = view.open(entry)) {
                    bytes = budget.readAll(in, prefix + name);
                } catch (IOException e) {
                    throw new RefusedArtifact(RefusedArtifact.Kind.UNREADABLE, "'" + prefix + name
                            + "' cannot be read: " + e.getMessage());
                }
                if (isJar) {
                    scan(bytes, prefix + name + "!", depth + 1, budget, findings, classes);
                } else {
                    scanClass(bytes, prefix, name, findings);
                    classes[0]++;
                }
            }
        }
    }

    private static void scanClass(byte[] bytes, String prefix, String name, Findings findings) throws RefusedArtifact {
        ClassReader reader;
        try {
            reader = new ClassReader(bytes);
            reader.accept(new ClassUses(prefix, findings::add), ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            // ASM refuses class files newer than it knows and malformed ones alike, with unchecked exceptions
            throw new RefusedArtifact(RefusedArtifact.Kind.UNREADABLE, "'" + prefix + name + "' is not a class file "
                    + "the verifier can read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    /** The findings of one scan: the first ones listed, all counted. */
    private static final class Findings {
        private final List<Finding> listed = new ArrayList<>();
        private int total;

        void add(Finding finding) {
            total++;
            if (listed.size() < MAX_FINDINGS) {
                listed.add(finding);
            }
        }
    }
}
