package dev.switchboard.acceptance.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One location flooding events cannot hold up another: deliveries are claimed a share per location,
 * so a single event of a quiet location is handled within seconds while a flood of 100,000 waits.
 */
@ExtendWith(PlatformExtension.class)
class EventFairnessIT {

    private static final int FLOOD = 100_000;
    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(15);

    @Test
    void aQuietLocationsEventIsHandledWhileAnotherLocationFloods(RunningPlatform platform, TestLocation flooded)
            throws Exception {
        ApiClient api = flooded.api();
        String quietId = api.postJson("locations", Map.of("name", "Quiet neighbour")).json().get("id").asText();
        Scenario quiet = new Scenario(new TestLocation(api, quietId, "Quiet neighbour"));
        quiet.deployFixture(EventFairnessIT.class, "on-contact-created");

        try (Connection database = platform.database()) {
            flood(database, flooded.id());
            String contact = quiet.contact("Quiet", "quiet@example.com");

            JsonNode run = quiet.endedRuns(contact, 1, WITHIN_SECONDS).get(0);

            assertThat(run.get("state").asText()).isEqualTo("COMPLETED");
            assertThat(pending(database, flooded.id())).as("the flood is still being worked off")
                    .isGreaterThan(FLOOD / 2);
            clear(database, flooded.id());
        }
    }

    /** 100,000 contact events in one location, written straight to the outbox as a busy import would. */
    private static void flood(Connection database, String location) throws SQLException {
        try (PreparedStatement insert = database.prepareStatement("""
                WITH events AS (
                    INSERT INTO domain_event (id, location_id, type, type_version, payload)
                    SELECT gen_random_uuid(), ?::uuid, 'contact.created', 1,
                           jsonb_build_object('contactId', gen_random_uuid()::text)
                    FROM generate_series(1, ?) RETURNING id, location_id, seq)
                INSERT INTO event_delivery (consumer, event_id, location_id, seq)
                SELECT 'workflow-triggers', id, location_id, seq FROM events""")) {
            insert.setString(1, location);
            insert.setInt(2, FLOOD);
            assertThat(insert.executeUpdate()).isEqualTo(FLOOD);
        }
    }

    private static int pending(Connection database, String location) throws SQLException {
        try (PreparedStatement query = database.prepareStatement(
                "SELECT count(*) FROM event_delivery WHERE location_id = ?::uuid AND status = 'PENDING'")) {
            query.setString(1, location);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Leaves the shared platform's dispatcher free for the next test class. */
    private static void clear(Connection database, String location) throws SQLException {
        try (PreparedStatement deliveries = database.prepareStatement(
                "DELETE FROM event_delivery WHERE location_id = ?::uuid AND status = 'PENDING'");
             PreparedStatement events = database.prepareStatement("DELETE FROM domain_event e WHERE location_id = ?::uuid"
                     + " AND NOT EXISTS (SELECT 1 FROM event_delivery d WHERE d.event_id = e.id)")) {
            deliveries.setString(1, location);
            deliveries.executeUpdate();
            events.setString(1, location);
            events.executeUpdate();
        }
    }
}
