package dev.switchboard.core.crm.pipelines;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of "create a pipeline": its name and its stages in board order. */
@Schema(name = "NewPipeline")
public record NewPipeline(
        @Schema(example = "Sales") @NotBlank @Size(max = Pipelines.MAX_NAME) String name,
        @NotNull @Size(min = 1, max = Pipelines.MAX_STAGES) List<@Valid NewPipelineStage> stages) {

    /** A stage of a new pipeline. */
    @Schema(name = "NewPipelineStage")
    public record NewPipelineStage(@Schema(example = "New lead") @NotBlank @Size(max = Pipelines.MAX_NAME) String name) {
    }
}
