package dev.switchboard.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.plugins.fixture.Echo;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.testkit.TestBundles;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PluginArchiveTest {

    @Test
    void readsIdVersionAndDigestOfABundle() throws Exception {
        PluginArchive archive = PluginArchive.read(TestBundles.bundle("test.echo.plugin", "1.2.3", Echo.class));

        assertThat(archive.pluginId()).isEqualTo("test.echo.plugin");
        assertThat(archive.version().toString()).isEqualTo("1.2.3");
        assertThat(archive.packaging()).isEqualTo(PluginArchive.Packaging.OSGI);
        assertThat(archive.sha256()).hasSize(64);
    }

    @Test
    void readsAPf4jPluginsManifestAndTurnsItsSemanticVersionIntoAComparableOne() {
        PluginArchive archive = PluginArchive.read(TestBundles.pf4j("test.echo.plugin", "1.2.3-beta.1", Echo.class));

        assertThat(archive.packaging()).isEqualTo(PluginArchive.Packaging.PF4J);
        assertThat(archive.pluginId()).isEqualTo("test.echo.plugin");
        assertThat(archive.version().toString()).isEqualTo("1.2.3.beta_1");
        assertThat(archive.version()).isLessThan(PluginArchive.read(TestBundles.pf4j("test.echo.plugin", "1.2.4",
                Echo.class)).version());
    }

    @Test
    void refusesReservedAndMalformedIds() {
        assertRefused(TestBundles.pf4j("org.pf4j.sneaky", "1.0.0", Echo.class), "reserved");
        assertRefused(TestBundles.bundle("dev.switchboard.api.fake", "1.0.0", Echo.class), "reserved");
        assertRefused(TestBundles.pf4j("bad id!", "1.0.0", Echo.class), "not a valid plugin id");
        assertRefused(TestBundles.pf4j("test.plugin", "one", Echo.class), "not a version");
    }

    @Test
    void refusesUploadsThatAreNotBundlesNamingTheReason() {
        assertRefused(new byte[0], "empty");
        assertRefused("just text".getBytes(StandardCharsets.UTF_8), "not a jar");
        assertRefused(new byte[] {'P', 'K', 3, 4, 0, 0}, "cannot be read");
    }

    private static void assertRefused(byte[] upload, String reason) {
        assertThatThrownBy(() -> PluginArchive.read(upload))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().detail()).contains(reason);
                });
    }
}
