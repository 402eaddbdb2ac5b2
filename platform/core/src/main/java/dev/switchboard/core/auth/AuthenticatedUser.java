package dev.switchboard.core.auth;

import dev.switchboard.core.tenancy.AgencyId;
import java.util.UUID;

/** The user behind a valid bearer token, with their roles as they were when the request began. */
public record AuthenticatedUser(UUID id, AgencyId agencyId, String email, Grants grants) {
}
