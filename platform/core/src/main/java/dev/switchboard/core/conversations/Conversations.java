package dev.switchboard.core.conversations;

import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.Timestamps;
import dev.switchboard.core.events.EventCatalog;
import dev.switchboard.core.events.EventOutbox;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.paging.KeysetQuery;
import dev.switchboard.core.paging.Page;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The messages of each contact's conversation, on every channel; written by sends and by channel plugins. */
@ApplicationScoped
public class Conversations {

    /** Longest message body. */
    public static final int MAX_BODY = dev.switchboard.api.host.Conversations.MAX_BODY;
    /** Longest subject. */
    public static final int MAX_SUBJECT = 998;
    private static final KeysetQuery.Order NEWEST = new KeysetQuery.Order("messages.newest", "created_at", "timestamptz",
            "id", false);
    private static final String COLUMNS = "id, contact_id, channel, direction, status, subject, body, error, vendor_id, "
            + "plugin_id, sent_by, created_at";

    @Inject
    Database db;

    @Inject
    EventOutbox outbox;

    /** What a new message is. */
    public record Draft(UUID contactId, String channel, String direction, String status, String subject, String body,
                        String error, String vendorId, String pluginId, UUID sentBy) {
    }

    @Transactional
    public Message append(LocationId locationId, Draft draft) {
        if (db.queryOne("SELECT 1 FROM contact WHERE location_id = ? AND id = ? AND deleted_at IS NULL", row -> true,
                locationId, draft.contactId()).isEmpty()) {
            throw ProblemException.notFound("contact " + draft.contactId());
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = Timestamps.now();
        db.update("""
                INSERT INTO conversation_message (id, location_id, contact_id, channel, direction, status, subject, body,
                    error, vendor_id, plugin_id, sent_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, locationId, draft.contactId(), draft.channel(), draft.direction(), draft.status(), draft.subject(),
                draft.body(), draft.error(), draft.vendorId(), draft.pluginId(), draft.sentBy(), now);
        if ("INBOUND".equals(draft.direction())) {
            outbox.append(locationId, EventCatalog.CONVERSATION_MESSAGE_RECEIVED, Json.createObjectBuilder()
                    .add("contactId", draft.contactId().toString()).add("channel", draft.channel())
                    .add("messageId", id.toString()).build());
        }
        return find(locationId, id).orElseThrow();
    }

    /** Records how a send ended. */
    @Transactional
    public Message settle(LocationId locationId, UUID messageId, String status, String vendorId, String error) {
        db.update("UPDATE conversation_message SET status = ?, vendor_id = ?, error = ? WHERE location_id = ? AND id = ?",
                status, vendorId, error, locationId, messageId);
        return find(locationId, messageId).orElseThrow();
    }

    public Optional<Message> find(LocationId locationId, UUID messageId) {
        return db.queryOne("SELECT " + COLUMNS + " FROM conversation_message WHERE location_id = ? AND id = ?",
                Conversations::message, locationId, messageId);
    }

    /** A contact's messages, newest first. */
    public Page<Message> list(LocationId locationId, UUID contactId, int limit, String cursor) {
        Page<UUID> ids = KeysetQuery.ids(db, "FROM conversation_message WHERE location_id = ? AND contact_id = ?",
                List.of(locationId, contactId), NEWEST, limit, cursor);
        List<Message> messages = new ArrayList<>();
        for (UUID id : ids.items()) {
            find(locationId, id).ifPresent(messages::add);
        }
        return new Page<>(messages, ids.nextCursor());
    }

    private static Message message(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Message(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                row.getString(9), row.getString(10), row.getObject(11, UUID.class),
                row.getObject(12, OffsetDateTime.class));
    }
}
