package dev.switchboard.core.crm.pipelines;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sales pipeline: a name and its stages in board order. */
@Schema(name = "Pipeline")
public record Pipeline(
        UUID id,
        UUID locationId,
        @Schema(example = "Sales") String name,
        @Schema(description = "In board order (position 0 first)") List<PipelineStage> stages,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
