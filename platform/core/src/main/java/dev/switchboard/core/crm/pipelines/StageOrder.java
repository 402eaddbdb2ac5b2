package dev.switchboard.core.crm.pipelines;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of "reorder stages": every stage of the pipeline, each once, in the new board order. */
@Schema(name = "StageOrder")
public record StageOrder(@NotNull @Size(min = 1, max = Pipelines.MAX_STAGES) List<UUID> stageIds) {
}
