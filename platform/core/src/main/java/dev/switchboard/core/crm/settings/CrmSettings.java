package dev.switchboard.core.crm.settings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A location's CRM settings: the country of phone numbers written without {@code +country code}
 * (ISO 3166 alpha-2), the location's time zone (IANA), and its duplicate policy.
 */
public record CrmSettings(
        @Schema(example = "US") String country,
        @Schema(example = "America/New_York") String timezone,
        @Schema(enumeration = {"none", "email", "phone", "emailOrPhone"}, example = "email") String duplicatePolicy) {

    public DuplicatePolicy policy() {
        return DuplicatePolicy.fromApi(duplicatePolicy).orElseThrow();
    }
}
