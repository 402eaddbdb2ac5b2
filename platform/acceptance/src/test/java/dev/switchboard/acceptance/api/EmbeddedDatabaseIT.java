package dev.switchboard.acceptance.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The single-node default keeps an agency's data safe: a durable database, settings only its owner reads. */
@ExtendWith(PlatformExtension.class)
class EmbeddedDatabaseIT {

    @Test
    void theEmbeddedDatabaseWaitsForTheDiskBeforeACommitReturns(RunningPlatform platform) throws Exception {
        try (Connection database = platform.database()) {
            for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                try (ResultSet value = database.createStatement().executeQuery("SHOW " + setting)) {
                    value.next();
                    assertThat(value.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
    }

    @Test
    void theSettingsHandedToTheServerAreReadableByTheirOwnerOnly(RunningPlatform platform) throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                platform.workingDirectory().resolve("data/server.properties")))).isEqualTo("rw-------");
    }
}
