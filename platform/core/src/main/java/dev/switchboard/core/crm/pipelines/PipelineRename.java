package dev.switchboard.core.crm.pipelines;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of "rename a pipeline" and of "rename a stage". */
@Schema(name = "PipelineRename")
public record PipelineRename(@Schema(example = "Enterprise sales") @NotBlank @Size(max = Pipelines.MAX_NAME) String name) {
}
