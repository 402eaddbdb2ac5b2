package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherSettingsTest {

    @TempDir
    Path workingDirectory;

    @Test
    void environmentOverridesTheFileAndTheServerIsNotHandedTheOverriddenValue() throws IOException {
        Files.writeString(workingDirectory.resolve(LauncherSettings.FILE),
                "switchboard.db.url=jdbc:postgresql://file/db\nswitchboard.bootstrap.agency-name=From file\n");
        LauncherSettings settings = new LauncherSettings(workingDirectory,
                Map.of("SWITCHBOARD_DB_URL", "jdbc:postgresql://env/db"));

        assertThat(settings.get("switchboard.db.url")).contains("jdbc:postgresql://env/db");
        assertThat(settings.get("switchboard.bootstrap.agency-name")).contains("From file");
        assertThat(settings.forServer()).doesNotContainKey("switchboard.db.url")
                .containsEntry("switchboard.bootstrap.agency-name", "From file");
    }

    @Test
    void blankValuesCountAsUnsetAndNoFileIsFine() {
        LauncherSettings settings = new LauncherSettings(workingDirectory, Map.of("SWITCHBOARD_PORT", "  "));

        assertThat(settings.get("switchboard.port")).isEmpty();
        assertThat(settings.forServer()).isEmpty();
    }

    @Test
    void environmentNamesFollowMicroProfileConfig() {
        assertThat(LauncherSettings.environmentName("switchboard.embedded-db.port")).isEqualTo("SWITCHBOARD_EMBEDDED_DB_PORT");
    }
}
