package dev.switchboard.core.crm.values;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A location's constant, used in workflow texts as the merge field {@code {{custom_values.<key>}}}. */
@Schema(name = "CustomValue")
public record CustomValue(
        UUID id,
        @Schema(description = "The merge field's name: {{custom_values.<key>}}", example = "company_name") String key,
        @Schema(example = "Company name") String name,
        @Schema(example = "Analytical Engines Ltd") String value,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
