package dev.switchboard.core.plugins.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.plugin.Clean;
import com.example.plugin.Exits;
import com.example.plugin.ExitsThroughAReference;
import com.example.plugin.OpensTheHost;
import com.example.plugin.ReadsFiles;
import com.example.plugin.StartsProcesses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BytecodeVerifierTest {

    private final BytecodeVerifier verifier = new BytecodeVerifier();

    @Test
    void aPluginThatOnlyComputesHasNoFindings() throws RefusedArtifact {
        BytecodeVerifier.Scan scan = verifier.scan(TestJars.of(Clean.class));

        assertThat(scan.findings()).isEmpty();
        assertThat(scan.clean()).isTrue();
        assertThat(scan.classes()).isEqualTo(1);
    }

    @Test
    void exitingTheJvmIsFoundWhereItIsCalled() throws RefusedArtifact {
        BytecodeVerifier.Scan scan = verifier.scan(TestJars.of(Exits.class));

        assertThat(scan.findings()).containsExactly(
                new Finding(Rule.EXIT, "com.example.plugin.Exits.giveUp", "java.lang.System.exit"));
    }

    @Test
    void aMethodReferenceToHaltIsFoundLikeACall() throws RefusedArtifact {
        BytecodeVerifier.Scan scan = verifier.scan(TestJars.of(ExitsThroughAReference.class));

        assertThat(scan.findings()).containsExactly(
                new Finding(Rule.EXIT, "com.example.plugin.ExitsThroughAReference.stopper", "java.lang.Runtime.halt"));
    }

    @Test
    void startingAProcessIsFound() throws RefusedArtifact {
        BytecodeVerifier.Scan scan = verifier.scan(TestJars.of(StartsProcesses.class));

        assertThat(scan.findings()).containsExactly(
                new Finding(Rule.PROCESS, "com.example.plugin.StartsProcesses.list", "java.lang.ProcessBuilder.<init>"),
                new Finding(Rule.PROCESS, "com.example.plugin.StartsProcesses.list", "java.lang.ProcessBuilder.start"));
    }

    @Test
    void readingAFileIsFound() throws RefusedArtifact {
        BytecodeVerifier.Scan scan = verifier.scan(TestJars.of(ReadsFiles.class));

        assertThat(scan.findings()).containsExactly(
                new Finding(Rule.FILES, "com.example.plugin.ReadsFiles.passwords", "java.nio.file.Path.of"),
                new Finding(Rule.FILES, "com.example.plugin.ReadsFiles.passwords", "java.nio.file.Files.readString"));
    }

    @Test
    void reflectionIntoTheHostIsFound() throws RefusedArtifact {
        BytecodeVerifier.Scan scan = verifier.scan(TestJars.of(OpensTheHost.class));

        assertThat(scan.findings()).containsExactly(
                new Finding(Rule.HOST_REFLECTION, "com.example.plugin.OpensTheHost.steal",
                        "java.lang.Class.forName(\"dev.switchboard.core.plugins.Plugins\")"),
                new Finding(Rule.HOST_REFLECTION, "com.example.plugin.OpensTheHost.steal",
                        "java.lang.reflect.Field.setAccessible"));
    }

    @Test
    void theHostsTypesAndTheJdksInternalsAreFoundWhereverTheyAreNamed() {
        assertThat(ForbiddenUses.type("dev/switchboard/core/plugins/Plugins")).isPresent();
        assertThat(ForbiddenUses.type("dev/switchboard/bpmn/actions/ActionWorker")).isPresent();
        assertThat(ForbiddenUses.type("sun/misc/Unsafe")).isPresent();
        assertThat(ForbiddenUses.type("jdk/internal/misc/Unsafe")).isPresent();
        assertThat(ForbiddenUses.type("dev/switchboard/api/action/WorkflowAction")).isEmpty();
        assertThat(ForbiddenUses.type("dev/switchboard/plugins/email/SendEmailAction")).isEmpty();
        assertThat(ForbiddenUses.type("java/io/File")).as("a File parameter opens nothing; creating one is a call").isEmpty();
    }

    @Test
    void classesInNestedJarsAreScannedAndNamedByTheirJar() throws RefusedArtifact {
        byte[] library = TestJars.of(Exits.class);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(TestJars.path(Clean.class), TestJars.classFile(Clean.class));
        entries.put("lib/helper-1.0.jar", library);

        BytecodeVerifier.Scan scan = verifier.scan(TestJars.of(entries));

        assertThat(scan.classes()).isEqualTo(2);
        assertThat(scan.findings()).containsExactly(
                new Finding(Rule.EXIT, "lib/helper-1.0.jar!com.example.plugin.Exits.giveUp", "java.lang.System.exit"));
    }

    @Test
    void findingsAreListedUpToTheLimitAndAllCounted() throws RefusedArtifact {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < BytecodeVerifier.MAX_FINDINGS + 5; i++) {
            entries.put("lib/copy-" + i + ".jar", TestJars.of(Exits.class));
        }

        BytecodeVerifier.Scan scan = verifier.scan(TestJars.of(entries));

        assertThat(scan.findings()).hasSize(BytecodeVerifier.MAX_FINDINGS);
        assertThat(scan.total()).isEqualTo(BytecodeVerifier.MAX_FINDINGS + 5);
    }

    @Test
    void aZipBombIsRefusedOnceItInflatesPastTheLimit() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        // 4 MB of zeros deflate to a few kilobytes; the verifier allows 1 MB here
        entries.put("com/example/plugin/Bomb.class", new byte[4 * 1024 * 1024]);
        byte[] bomb = TestJars.of(entries);
        assertThat(bomb.length).isLessThan(64 * 1024);

        assertThatThrownBy(() -> new BytecodeVerifier(1024 * 1024).scan(bomb))
                .isInstanceOfSatisfying(RefusedArtifact.class,
                        refused -> assertThat(refused.kind()).isEqualTo(RefusedArtifact.Kind.TOO_LARGE))
                .hasMessageContaining("inflates to more than 1 MB");
    }

    @Test
    void jarsNestedDeeperThanTwoLevelsAreRefused() {
        byte[] deepest = TestJars.of(Exits.class);
        byte[] level2 = TestJars.of(Map.of("deepest.jar", deepest));
        byte[] level1 = TestJars.of(Map.of("level2.jar", level2));
        byte[] artifact = TestJars.of(Map.of("lib/level1.jar", level1));

        assertThatThrownBy(() -> verifier.scan(artifact)).isInstanceOf(RefusedArtifact.class)
                .hasMessageContaining("lib/level1.jar!level2.jar!deepest.jar' is a jar nested 3 levels deep");
    }

    @Test
    void aClassFileTheVerifierCannotReadIsRefusedNotSkipped() {
        byte[] artifact = TestJars.of(Map.of("com/example/plugin/Garbage.class", new byte[] {(byte) 0xCA, (byte) 0xFE, 1}));

        assertThatThrownBy(() -> verifier.scan(artifact))
                .isInstanceOfSatisfying(RefusedArtifact.class,
                        refused -> assertThat(refused.kind()).isEqualTo(RefusedArtifact.Kind.UNREADABLE))
                .hasMessageContaining("com/example/plugin/Garbage.class' is not a class file the verifier can read");
    }
}
