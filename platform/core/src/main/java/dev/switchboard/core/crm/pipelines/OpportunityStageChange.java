package dev.switchboard.core.crm.pipelines;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A stage an opportunity entered, and when; the names are the stages' names at the time. The first
 * entry of an opportunity, its creation, has no {@code fromStageId}.
 */
@Schema(name = "OpportunityStageChange")
public record OpportunityStageChange(
        UUID id,
        UUID fromStageId,
        @Schema(example = "Qualified") String fromStageName,
        UUID toStageId,
        @Schema(example = "Won") String toStageName,
        OffsetDateTime changedAt) {
}
