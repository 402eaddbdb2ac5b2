package dev.switchboard.core.crm.fields;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A custom field of a location's contacts, opportunities or companies. */
public record CustomField(
        UUID id,
        @Schema(enumeration = {"contact", "opportunity", "company"}, example = "contact") String model,
        @Schema(description = "The name values are written under in customFields and merge fields", example = "budget")
        String key,
        @Schema(example = "Budget") String name,
        @Schema(enumeration = {"text", "largeText", "number", "money", "date", "checkbox", "singleOption",
                "multipleOptions", "phone", "email", "url"}, example = "money") String type,
        @Schema(description = "The choices of singleOption and multipleOptions fields") List<String> options,
        boolean required,
        String placeholder,
        @Schema(description = "The group the console shows the field in", example = "Qualification") String group,
        int position,
        java.time.OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
