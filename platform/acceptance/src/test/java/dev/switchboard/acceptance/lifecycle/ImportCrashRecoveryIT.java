package dev.switchboard.acceptance.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.ImporterPlugin;
import dev.switchboard.acceptance.support.OwnPlatform;
import dev.switchboard.acceptance.support.PlatformOfItsOwn;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * An import whose platform is killed outright, or stopped, in the middle: once the platform is back the
 * import carries on from its last committed page, and no contact is imported twice (the location's
 * duplicate policy is none, so a repeated page would show as a second contact with the same email); an
 * import that completed is not run again when it is found back in the queue.
 */
@PlatformOfItsOwn
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportCrashRecoveryIT {

    private static final int COUNT = 3000;
    private static final Duration FINISHES_WITHIN = Duration.ofMinutes(3);

    private static RunningPlatform platform;
    private static TestLocation location;

    @BeforeAll
    static void start() {
        platform = OwnPlatform.start();
        location = OwnPlatform.location(platform, "Import crash recovery");
        assertThat(location.api().patchJson(location.path("crm-settings"), Map.of("duplicatePolicy", "none")).status())
                .isEqualTo(200);
        ImporterPlugin.ensureInstalled(location.api());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(10)
    void killedMidImportItResumesFromItsCheckpointWithoutDuplicatingContacts() throws Exception {
        String domain = "killed-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        String id = startSlowImport(domain);
        ImporterPlugin.await(location, id, FINISHES_WITHIN, job -> job.at("/progress/done").asLong() >= 500);

        platform.killAbruptly();
        long committed;
        try (Connection database = platform.database()) {
            assertThat(text(database, "SELECT status FROM background_job WHERE id = ?::uuid", id)).isEqualTo("RUNNING");
            committed = count(database, "SELECT done FROM background_job WHERE id = ?::uuid", id);
            assertThat(count(database, "SELECT count(*) FROM contact WHERE email LIKE ?", "%@" + domain))
                    .as("contacts committed are those of the committed pages").isEqualTo(committed);
            assertThat(text(database, "SELECT checkpoint->>'source' FROM background_job WHERE id = ?::uuid", id))
                    .isEqualTo(String.valueOf(committed));
        }
        assertThat(committed).isBetween(500L, COUNT - 1L);

        platform.start();
        location = OwnPlatform.signInAgain(platform, location);

        assertCompletedOnce(id, domain);
    }

    @Test
    @Order(20)
    void stoppedMidImportItResumesWhenThePlatformIsBack() throws Exception {
        String domain = "stopped-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        String id = startSlowImport(domain);
        ImporterPlugin.await(location, id, FINISHES_WITHIN, job -> job.at("/progress/done").asLong() >= 300);

        platform.restart();
        location = OwnPlatform.signInAgain(platform, location);

        JsonNode job = assertCompletedOnce(id, domain);
        assertThat(job.has("error")).as(job.toString()).isFalse();
    }

    @Test
    @Order(30)
    void aCompletedImportThatIsPutBackInTheQueueIsNotImportedAgain() throws Exception {
        String domain = "completed-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        // the importer's last checkpoint is empty, which to it also means "from the start"
        String id = ImporterPlugin.start(location, Map.of("count", 200, "domain", domain, "pageSize", 50,
                "emptyLastCheckpoint", true), "create").get("id").asText();
        JsonNode first = ImporterPlugin.awaitFinished(location, id, FINISHES_WITHIN);
        assertThat(first.get("status").asText()).as(first.toString()).isEqualTo("SUCCEEDED");

        // as when the node stops just as the importer returns: the job goes back to the queue after its last page
        try (Connection database = platform.database();
             PreparedStatement requeue = database.prepareStatement("""
                     UPDATE background_job SET status = 'QUEUED', result = NULL, finished_at = NULL, run_after = now()
                     WHERE id = ?::uuid""")) {
            requeue.setString(1, id);
            assertThat(requeue.executeUpdate()).isEqualTo(1);
        }

        JsonNode again = ImporterPlugin.awaitFinished(location, id, FINISHES_WITHIN);
        assertThat(again.get("status").asText()).as(again.toString()).isEqualTo("SUCCEEDED");
        assertThat(again.at("/result/created").asLong()).isEqualTo(200);
        try (Connection database = platform.database()) {
            assertThat(count(database, "SELECT count(*) FROM contact WHERE email LIKE ?", "%@" + domain))
                    .as("the importer was not called again from its start").isEqualTo(200);
        }
    }

    private static String startSlowImport(String domain) {
        return ImporterPlugin.start(location, Map.of("count", COUNT, "domain", domain, "pageSize", 50, "pauseMillis", 150),
                "create").get("id").asText();
    }

    private static JsonNode assertCompletedOnce(String id, String domain) throws SQLException {
        JsonNode job = ImporterPlugin.awaitFinished(location, id, FINISHES_WITHIN);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.at("/progress/done").asLong()).isEqualTo(COUNT);
        assertThat(job.at("/result/created").asLong()).isEqualTo(COUNT);
        try (Connection database = platform.database()) {
            assertThat(count(database, "SELECT count(*) FROM contact WHERE email LIKE ?", "%@" + domain)).isEqualTo(COUNT);
            assertThat(count(database, "SELECT count(DISTINCT email) FROM contact WHERE email LIKE ?", "%@" + domain))
                    .isEqualTo(COUNT);
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
