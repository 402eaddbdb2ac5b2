package dev.switchboard.core.crm.companies;

import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A business a location's contacts work for. */
@Schema(name = "Company")
public record Company(
        UUID id,
        UUID locationId,
        @Schema(example = "Analytical Engines Ltd") String name,
        @Schema(description = "Host name, lower case", example = "engines.example") String domain,
        @Schema(description = "E.164", example = "+442079460958") String phone,
        @Schema(example = "hello@engines.example") String email,
        @Schema(example = "https://engines.example") String website,
        @Schema(example = "12 St James's Square") String address1,
        @Schema(example = "London") String city,
        String state,
        @Schema(example = "SW1Y 4JH") String postalCode,
        @Schema(description = "ISO 3166 alpha-2", example = "GB") String country,
        @Schema(description = "Custom field values (company fields) by field key", example = "{\"employees\": 40}")
        JsonObject customFields,
        @Schema(description = "How many contacts (not deleted) are linked to the company") long contactCount,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
