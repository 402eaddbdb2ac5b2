package dev.switchboard.core.auth;

import java.time.OffsetDateTime;

/** A bearer token handed out at login; only its hash is stored. */
public record IssuedToken(String token, OffsetDateTime expiresAt, AuthenticatedUser user) {
}
