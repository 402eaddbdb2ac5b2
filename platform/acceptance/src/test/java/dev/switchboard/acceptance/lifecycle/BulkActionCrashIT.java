package dev.switchboard.acceptance.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.ImporterPlugin;
import dev.switchboard.acceptance.support.OwnPlatform;
import dev.switchboard.acceptance.support.PlatformOfItsOwn;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bulk action that starts a workflow for 1,500 contacts, whose platform is killed outright in the
 * middle: the workflows started are exactly those of the rounds that committed, and once the platform
 * is back the job carries on from its checkpoint and ends with one run per contact, none twice.
 */
@PlatformOfItsOwn
class BulkActionCrashIT {

    private static final int COUNT = 1_500;
    private static final Duration FINISHES_WITHIN = Duration.ofMinutes(4);

    private static RunningPlatform platform;
    private static TestLocation location;

    @BeforeAll
    static void start() {
        platform = OwnPlatform.start();
        location = OwnPlatform.location(platform, "Bulk action crash");
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void killedMidActionItResumesAndStartsTheWorkflowOncePerContact() throws Exception {
        new Scenario(location).deployFixture(BulkActionCrashIT.class, "nurture");
        // the contacts are written straight to the database: the test is about the job, not the contact API
        try (Connection database = platform.database(UUID.fromString(location.id()));
             PreparedStatement insert = database.prepareStatement("""
                     INSERT INTO contact (id, location_id, first_name, tags, search_text)
                     SELECT gen_random_uuid(), ?::uuid, 'Crash ' || g, ARRAY['crash-batch'], 'crash ' || g
                     FROM generate_series(1, ?) g""")) {
            insert.setString(1, location.id());
            insert.setInt(2, COUNT);
            assertThat(insert.executeUpdate()).isEqualTo(COUNT);
        }
        Response started = location.api().postJson(location.path("bulk-actions"), Map.of("action", "startWorkflow",
                "options", Map.of("workflow", "bulk-nurture"),
                "filter", Map.of("type", "tag", "operator", "hasAny", "value", List.of("crash-batch"))));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asText();
        ImporterPlugin.await(location, id, FINISHES_WITHIN, job -> job.at("/progress/done").asLong() >= 300);

        platform.killAbruptly();
        long committed;
        try (Connection database = platform.database()) {
            committed = number(database, "SELECT done FROM background_job WHERE id = ?::uuid", id);
            assertThat(number(database, "SELECT count(*) FROM workflow_run WHERE workflow_key = 'bulk-nurture'", null))
                    .as("the runs started are those of the rounds committed").isEqualTo(committed);
        }
        assertThat(committed).isBetween(300L, COUNT - 1L);

        platform.start();
        location = OwnPlatform.signInAgain(platform, location);
        JsonNode job = ImporterPlugin.awaitFinished(location, id, FINISHES_WITHIN);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.at("/progress/done").asLong()).isEqualTo(COUNT);
        try (Connection database = platform.database()) {
            assertThat(number(database, "SELECT count(*) FROM workflow_run WHERE workflow_key = 'bulk-nurture'", null)).isEqualTo(COUNT);
            assertThat(number(database, "SELECT count(DISTINCT contact_id) FROM workflow_run WHERE workflow_key = 'bulk-nurture'", null))
                    .isEqualTo(COUNT);
        }
    }

    private static long number(Connection database, String sql, String param) throws Exception {
        try (PreparedStatement statement = database.prepareStatement(sql)) {
            if (param != null) {
                statement.setString(1, param);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
