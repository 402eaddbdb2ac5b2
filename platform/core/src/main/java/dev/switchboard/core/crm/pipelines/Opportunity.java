package dev.switchboard.core.crm.pipelines;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A deal with a contact, in a stage of a pipeline; the fields follow GoHighLevel's opportunity. The
 * constraints are those of a request's standard fields (after a merge patch, of the whole
 * representation): Bean Validation checks them, and the OpenAPI document shows them. What needs the
 * database (the contact, pipeline, stage and assignee are of the location) {@link Opportunities} checks.
 */
@Schema(name = "Opportunity")
public record Opportunity(
        UUID id,
        UUID locationId,
        @Schema(example = "Analytical engine, 3 units") @NotBlank @Size(max = Opportunities.MAX_NAME) String name,
        @NotNull UUID contactId,
        @NotNull UUID pipelineId,
        @Schema(description = "A stage of the pipeline; the pipeline's first stage when absent at creation")
        UUID pipelineStageId,
        @Schema(enumeration = {"open", "won", "lost", "abandoned"}, example = "open")
        @NotNull @Pattern(regexp = "open|won|lost|abandoned", message = "must be one of open, won, lost, abandoned")
        String status,
        @Schema(description = "From 0 to 10^13, two decimals at most", example = "5000.00")
        @DecimalMin(value = "0", message = "must be 0 or more")
        @DecimalMax(value = Opportunities.MAX_VALUE, message = "must be at most 10^13")
        @Digits(integer = 14, fraction = 2, message = "must have at most two decimal places")
        BigDecimal monetaryValue,
        @Schema(description = "ISO 4217; USD when not given", example = "USD")
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as USD or EUR")
        String currency,
        @Schema(description = "The user the opportunity is assigned to") UUID assignedTo,
        @Schema(example = "webinar") @Size(max = Opportunities.MAX_SOURCE) String source,
        @Schema(description = "Why it was lost; only a lost opportunity has one", example = "went with a competitor")
        @Size(max = Opportunities.MAX_LOST_REASON) String lostReason,
        @Schema(description = "Custom field values by field key", example = "{\"probability\": 60}") JsonObject customFields,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime lastStatusChangeAt,
        OffsetDateTime lastStageChangeAt) {
}
