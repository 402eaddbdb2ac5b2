package dev.switchboard.core.crm.contacts;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person a location does business with; the fields follow GoHighLevel's contact. */
@Schema(name = "Contact")
public record Contact(
        UUID id,
        UUID locationId,
        @Schema(example = "Ada") String firstName,
        @Schema(example = "Lovelace") String lastName,
        @Schema(description = "Full name: given, or first and last name", example = "Ada Lovelace") String name,
        @Schema(example = "ada@example.com") String email,
        List<String> additionalEmails,
        @Schema(description = "E.164", example = "+14155550123") String phone,
        List<String> additionalPhones,
        @Schema(example = "Analytical Engines Ltd") String companyName,
        UUID companyId,
        @Schema(example = "12 St James's Square") String address1,
        @Schema(example = "London") String city,
        String state,
        @Schema(example = "SW1Y 4JH") String postalCode,
        @Schema(description = "ISO 3166 alpha-2", example = "GB") String country,
        @Schema(description = "IANA time zone", example = "Europe/London") String timezone,
        @Schema(example = "https://example.com") String website,
        @Schema(example = "1815-12-10") LocalDate dateOfBirth,
        @Schema(example = "webinar") String source,
        @Schema(description = "The user the contact is assigned to") UUID assignedTo,
        @Schema(example = "[\"lead\", \"webinar\"]") List<String> tags,
        @Schema(description = "Do not disturb on every channel") boolean dnd,
        DndSettings dndSettings,
        @Schema(description = "Custom field values by field key", example = "{\"budget\": 5000.00, \"plan\": \"gold\"}")
        JsonObject customFields,
        @Schema(description = "Users following the contact") List<UUID> followers,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(description = "When it was deleted; restorable for 30 days") OffsetDateTime deletedAt) {

    /** The tags as a set, for views that do not care about order. */
    public java.util.Set<String> tagSet() {
        return new java.util.LinkedHashSet<>(tags);
    }
}
