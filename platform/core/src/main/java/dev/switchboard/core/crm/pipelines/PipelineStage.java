package dev.switchboard.core.crm.pipelines;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stage of a pipeline; {@code position} counts from 0 in board order. */
@Schema(name = "PipelineStage")
public record PipelineStage(UUID id, @Schema(example = "Qualified") String name, @Schema(example = "1") int position) {
}
