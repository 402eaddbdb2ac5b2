package dev.switchboard.core.crm.segments;

import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A saved filter of a location's contacts, with the count it had when it was last counted. */
@Schema(name = "Segment")
public record Segment(
        UUID id,
        @Schema(example = "Webinar leads gone quiet") String name,
        String description,
        @Schema(description = "The filter (docs/segments.md); GET /segments/filter-schema describes it")
        JsonValue filter,
        @Schema(description = "How many contacts matched when it was last counted; null before that") Long lastCount,
        OffsetDateTime countedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
