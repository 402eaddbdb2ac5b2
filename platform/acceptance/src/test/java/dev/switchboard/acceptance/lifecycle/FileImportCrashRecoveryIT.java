package dev.switchboard.acceptance.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.ImportFiles;
import dev.switchboard.acceptance.support.ImporterPlugin;
import dev.switchboard.acceptance.support.OwnPlatform;
import dev.switchboard.acceptance.support.PlatformOfItsOwn;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A file import whose platform is killed outright (kill -9), or stopped, in the middle: once the
 * platform is back the import carries on from its last committed batch, and no row is imported twice
 * or lost. The location's duplicate policy is none and every row is created, so a batch written twice
 * would show as a second contact with the same email, and a lost one as a missing email; the search
 * side table is checked the same way. Batches are small here (500 rows) so that the import is caught
 * in the middle of many.
 */
@PlatformOfItsOwn
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FileImportCrashRecoveryIT {

    private static final int COUNT = 40_000;
    private static final Duration FINISHES_WITHIN = Duration.ofMinutes(10);

    private static RunningPlatform platform;
    private static TestLocation location;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.start(Path.of(System.getProperty("switchboard.launcher.jar")),
                Path.of(System.getProperty("switchboard.test.dir")), Map.of("SWITCHBOARD_IMPORTS_BATCH_ROWS", "500"));
        location = OwnPlatform.location(platform, "File import crash recovery");
        assertThat(location.api().patchJson(location.path("crm-settings"), Map.of("duplicatePolicy", "none")).status())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(10)
    void killedMidImportItResumesFromItsLastBatchWithoutLosingOrDoublingARow() throws Exception {
        String domain = "killed-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        String id = startImport(domain);
        ImporterPlugin.await(location, id, FINISHES_WITHIN, job -> job.at("/progress/done").asLong() >= 2_000);

        platform.killAbruptly();
        long committed;
        try (Connection database = platform.database()) {
            assertThat(text(database, "SELECT status FROM background_job WHERE id = ?::uuid", id)).isEqualTo("RUNNING");
            committed = count(database, "SELECT done FROM background_job WHERE id = ?::uuid", id);
            assertThat(count(database, "SELECT count(*) FROM contact WHERE email LIKE ?", "%@" + domain))
                    .as("the contacts are those of the committed batches").isEqualTo(committed);
            assertThat(count(database, "SELECT (checkpoint->>'created')::bigint FROM background_job WHERE id = ?::uuid", id))
                    .isEqualTo(committed);
        }
        assertThat(committed).isBetween(2_000L, COUNT - 1L);

        platform.start();
        location = OwnPlatform.signInAgain(platform, location);

        assertCompletedOnce(id, domain);
    }

    @Test
    @Order(20)
    void stoppedMidImportItResumesWhenThePlatformIsBack() throws Exception {
        String domain = "stopped-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        String id = startImport(domain);
        ImporterPlugin.await(location, id, FINISHES_WITHIN, job -> job.at("/progress/done").asLong() >= 2_000);

        platform.restart();
        location = OwnPlatform.signInAgain(platform, location);

        JsonNode job = assertCompletedOnce(id, domain);
        assertThat(job.has("error")).as(job.toString()).isFalse();
    }

    private static String startImport(String domain) {
        StringBuilder csv = new StringBuilder("Email,First Name,Last Name,Tags\n");
        for (int i = 0; i < COUNT; i++) {
            csv.append("p").append(i).append('@').append(domain).append(",P").append(i).append(",Row,\"crash,recovery\"\n");
        }
        String fileId = ImportFiles.uploadCsv(location, domain + ".csv", csv.toString()).get("id").asText();
        ApiClient.Response started = ImportFiles.start(location, fileId, null, "create", null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return started.json().get("id").asText();
    }

    private static JsonNode assertCompletedOnce(String id, String domain) throws SQLException {
        JsonNode job = ImporterPlugin.awaitFinished(location, id, FINISHES_WITHIN);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.at("/progress/done").asLong()).isEqualTo(COUNT);
        assertThat(job.at("/progress/failed").asLong()).isZero();
        assertThat(job.at("/result/created").asLong()).isEqualTo(COUNT);
        try (Connection database = platform.database()) {
            // fresh statistics: before autovacuum has seen the 40,000 new contacts, the join below may be
            // planned as a loop over every search word per contact (minutes on a busy machine)
            try (Statement analyze = database.createStatement()) {
                analyze.execute("ANALYZE contact, contact_search_term");
            }
            assertThat(count(database, "SELECT count(*) FROM contact WHERE email LIKE ?", "%@" + domain)).isEqualTo(COUNT);
            assertThat(count(database, "SELECT count(DISTINCT email) FROM contact WHERE email LIKE ?", "%@" + domain))
                    .isEqualTo(COUNT);
            assertThat(count(database, """
                    SELECT count(*) FROM contact_search_term t JOIN contact c ON c.id = t.contact_id
                    WHERE c.email LIKE ? AND t.term = 'row'""", "%@" + domain))
                    .as("each contact's search words once").isEqualTo(COUNT);
        }
        return job;
    }

    private static long count(Connection database, String sql, String param) throws SQLException {
        return Long.parseLong(text(database, sql, param));
    }

    private static String text(Connection database, String sql, String param) throws SQLException {
        try (PreparedStatement statement = database.prepareStatement(sql)) {
            statement.setString(1, param);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
