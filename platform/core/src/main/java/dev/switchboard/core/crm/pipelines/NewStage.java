package dev.switchboard.core.crm.pipelines;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of "add a stage": its name, and where it goes (at the end when absent). */
@Schema(name = "NewStage")
public record NewStage(
        @Schema(example = "Negotiation") @NotBlank @Size(max = Pipelines.MAX_NAME) String name,
        @Schema(description = "0 puts it first; the stages from there on move one place right", example = "2")
        @PositiveOrZero Integer position) {
}
