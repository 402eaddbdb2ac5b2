package dev.switchboard.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.problems.ProblemException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PluginArchiveTest {

    @Test
    void readsIdVersionAndDigestOfABundle() throws Exception {
        PluginArchive archive = PluginArchive.read(PluginRegistryTest.echoBundle("1.2.3"));

        assertThat(archive.pluginId()).isEqualTo("test.echo.plugin");
        assertThat(archive.version().toString()).isEqualTo("1.2.3");
        assertThat(archive.sha256()).hasSize(64);
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
