package dev.switchboard.core.auth;

import java.util.UUID;

/** The user behind a valid bearer token. */
public record AuthenticatedUser(UUID id, UUID agencyId, String email, Role role) {
}
