package dev.switchboard.core.notifications;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A notification to one user of a location.
 *
 * @param contactId the contact it is about, if any (the console links to it)
 * @param runId the workflow run that sent it, if any
 * @param readAt when the user read it; null while unread
 */
@Schema(name = "Notification")
public record Notification(UUID id, String title, String body, UUID contactId, String runId, OffsetDateTime createdAt,
                           OffsetDateTime readAt) {
}
