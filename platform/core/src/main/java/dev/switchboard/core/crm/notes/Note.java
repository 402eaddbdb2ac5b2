package dev.switchboard.core.crm.notes;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A note on a contact. */
@Schema(name = "Note")
public record Note(
        UUID id,
        UUID contactId,
        @Schema(example = "Called: wants a quote for 40 seats by Friday.") String body,
        @Schema(description = "The user who wrote it") UUID userId,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
