package dev.switchboard.core.notifications;

import dev.switchboard.core.db.Database;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Internal notifications: a workflow step tells users of the location something ("a hot lead
 * replied"); each recipient sees it in the console until they read it. Each user keeps their newest
 * {@value #KEPT_PER_USER} per location; older ones are dropped as new ones arrive.
 */
@ApplicationScoped
public class Notifications {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 2000;
    /** Most recipients of one notification. */
    public static final int MAX_RECIPIENTS = 50;
    /** Notifications kept per user and location. */
    public static final int KEPT_PER_USER = 1000;
    /** Most notifications one list answers. */
    public static final int MAX_LIST = 100;

    @Inject
    Database db;

    /** Sends one notification to each recipient, in the caller's transaction. */
    @Transactional
    public void send(LocationId locationId, Collection<UUID> recipients, String title, String body, UUID contactId,
                     String runId) {
        if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
            throw new IllegalArgumentException("a notification's title is 1 to " + MAX_TITLE + " characters");
        }
        if (body != null && body.length() > MAX_BODY) {
            throw new IllegalArgumentException("a notification's text is at most " + MAX_BODY + " characters");
        }
        if (recipients.size() > MAX_RECIPIENTS) {
            throw new IllegalArgumentException("a notification goes to at most " + MAX_RECIPIENTS + " users");
        }
        for (UUID user : new LinkedHashSet<>(recipients)) {
            db.update("""
                    INSERT INTO notification (id, location_id, user_id, title, body, contact_id, run_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    UUID.randomUUID(), locationId, user, title.strip(), body == null ? "" : body.strip(), contactId, runId);
            db.update("""
                    DELETE FROM notification WHERE id IN (SELECT id FROM notification WHERE location_id = ? AND user_id = ?
                        ORDER BY created_at DESC, id DESC OFFSET ?)""", locationId, user, KEPT_PER_USER);
        }
    }

    /** A user's notifications in the location, newest first. */
    @Transactional
    public List<Notification> of(LocationId locationId, UUID user, boolean unreadOnly, int limit) {
        return db.query("SELECT id, title, body, contact_id, run_id, created_at, read_at FROM notification"
                        + " WHERE location_id = ? AND user_id = ?" + (unreadOnly ? " AND read_at IS NULL" : "")
                        + " ORDER BY created_at DESC, id DESC LIMIT ?",
                Notifications::notification, locationId, user, Math.max(1, Math.min(limit, MAX_LIST)));
    }

    /** How many of the user's notifications in the location are unread. */
    @Transactional
    public long unread(LocationId locationId, UUID user) {
        return db.queryOne("SELECT count(*) FROM notification WHERE location_id = ? AND user_id = ? AND read_at IS NULL",
                row -> row.getLong(1), locationId, user).orElse(0L);
    }

    /** Marks one of the user's notifications read; 404 when the user has no such notification here. */
    @Transactional
    public Notification markRead(LocationId locationId, UUID user, UUID id) {
        db.update("UPDATE notification SET read_at = now() WHERE location_id = ? AND user_id = ? AND id = ? AND read_at IS NULL",
                locationId, user, id);
        return db.queryOne("SELECT id, title, body, contact_id, run_id, created_at, read_at FROM notification"
                        + " WHERE location_id = ? AND user_id = ? AND id = ?", Notifications::notification, locationId, user, id)
                .orElseThrow(() -> ProblemException.notFound("notification " + id));
    }

    /** Marks all of the user's notifications in the location read; answers how many were unread. */
    @Transactional
    public int markAllRead(LocationId locationId, UUID user) {
        return db.update("UPDATE notification SET read_at = now() WHERE location_id = ? AND user_id = ? AND read_at IS NULL",
                locationId, user);
    }

    private static Notification notification(ResultSet row) throws SQLException {
        return new Notification(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                row.getObject(4, UUID.class), row.getString(5), row.getObject(6, OffsetDateTime.class),
                row.getObject(7, OffsetDateTime.class));
    }
}
