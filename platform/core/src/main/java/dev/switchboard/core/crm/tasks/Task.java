package dev.switchboard.core.crm.tasks;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A to-do about a contact, for a user of the location. */
@Schema(name = "Task")
public record Task(
        UUID id,
        UUID contactId,
        @Schema(example = "Send the quote") String title,
        @Schema(example = "40 seats, annual billing") String body,
        @Schema(description = "When it is due (UTC)", example = "2026-12-04T17:00:00Z") OffsetDateTime dueDate,
        @Schema(description = "The user who should do it") UUID assignedTo,
        boolean completed,
        @Schema(description = "When it was completed; absent while it is open") OffsetDateTime completedAt,
        @Schema(description = "The user who created it") UUID createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
