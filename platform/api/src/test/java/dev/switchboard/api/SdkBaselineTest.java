package dev.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The SDK is a promise to plugin authors: every exported package keeps its semantic version honest
 * against the last released SDK ({@value #RELEASED}, kept in {@code src/test/baseline}). bnd's baseline
 * compares the two, knowing that a method added to a {@code @ProviderType} interface is a minor change
 * and to a {@code @ConsumerType} one a major change; a package whose change needs a higher version than
 * its {@code package-info} declares fails the build. Releasing the SDK copies its jar over the baseline
 * (docs/plugin-developer-guide.md, "Versions").
 */
class SdkBaselineTest {

    static final String RELEASED = "switchboard-api-1.0.0.jar";
    private static final Path BASELINE = Path.of("src", "test", "baseline", RELEASED);

    @Test
    void everyPackageIsVersionedCompatiblyWithTheReleasedSdk() throws Exception {
        assertThat(BASELINE).as("the released SDK to compare with").exists();
        try (Jar current = currentSdk(); Jar released = new Jar(BASELINE.toFile())) {
            assertThat(mismatches(current, released)).as("packages whose change needs a higher version").isEmpty();
        }
    }

    @Test
    void theCheckRefusesAnIncompatibleChange() throws Exception {
        try (Jar current = currentSdk(); Jar released = new Jar(BASELINE.toFile())) {
            // what a careless edit would do: a published type disappears, the package version stays
            current.remove("dev/switchboard/api/action/ActionException.class");

            assertThat(mismatches(current, released)).anySatisfy(mismatch ->
                    assertThat(mismatch).startsWith("dev.switchboard.api.action: declares 1.0.0, needs 2.0.0"));
        }
    }

    @Test
    void everyExportedPackageDeclaresItsVersion() throws Exception {
        try (Jar current = currentSdk()) {
            String exports = current.getManifest().getMainAttributes().getValue("Export-Package");
            for (String name : List.of("dev.switchboard.api", "dev.switchboard.api.action", "dev.switchboard.api.host",
                    "dev.switchboard.api.schema", "dev.switchboard.api.settings")) {
                assertThat(exports).contains(name + ";version=\"1.");
            }
            assertThat(exports).doesNotContain("dev.switchboard.api.processing");
        }
    }

    /** The SDK as built now, with the export instructions of its pom. */
    private static Jar currentSdk() throws Exception {
        try (Builder builder = new Builder()) {
            builder.setProperty("Bundle-SymbolicName", "dev.switchboard.api");
            builder.setProperty("Bundle-Version", "1.0.0");
            builder.setProperty("Export-Package", "!dev.switchboard.api.processing,dev.switchboard.api.*");
            builder.addClasspath(new File("target/classes"));
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                if (entry.contains("org.osgi.annotation")) {
                    builder.addClasspath(new File(entry));
                }
            }
            Jar jar = builder.build();
            assertThat(builder.getErrors()).as("bnd errors").isEmpty();
            // the built jar reads from the builder's class path, which closes with it: keep a copy
            File copy = File.createTempFile("switchboard-api-", ".jar");
            copy.deleteOnExit();
            jar.write(copy);
            return new Jar(copy);
        }
    }

    private static List<String> mismatches(Jar current, Jar released) throws Exception {
        try (Processor reporter = new Processor()) {
            Set<Baseline.Info> infos = new Baseline(reporter, new DiffPluginImpl()).baseline(current, released, null);
            return infos.stream().filter(info -> info.mismatch)
                    .map(info -> info.packageName + ": declares " + info.newerVersion + ", needs "
                            + info.suggestedVersion + " (" + info.packageDiff.getDelta() + " change)")
                    .sorted().toList();
        }
    }
}
