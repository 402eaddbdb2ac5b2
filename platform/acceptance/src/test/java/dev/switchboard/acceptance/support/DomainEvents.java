package dev.switchboard.acceptance.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.testkit.RunningPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The events a location's changes appended to the outbox, read from the platform's database. */
public final class DomainEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DomainEvents() {
    }

    /** The payloads of a type's events in a location, oldest first. */
    public static List<JsonNode> payloads(RunningPlatform platform, String locationId, String type) {
        try (Connection database = platform.database();
             PreparedStatement query = database.prepareStatement("SELECT payload::text FROM domain_event"
                     + " WHERE location_id = ?::uuid AND type = ? ORDER BY occurred_at, id")) {
            query.setString(1, locationId);
            query.setString(2, type);
            List<JsonNode> payloads = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    payloads.add(JSON.readTree(rows.getString(1)));
                }
            }
            return payloads;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The payloads of a type's events in a location whose {@code member} is {@code value}. */
    public static List<JsonNode> payloads(RunningPlatform platform, String locationId, String type, String member, String value) {
        return payloads(platform, locationId, type).stream().filter(p -> value.equals(p.path(member).asText())).toList();
    }
}
