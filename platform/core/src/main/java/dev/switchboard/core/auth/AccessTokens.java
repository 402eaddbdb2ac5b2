package dev.switchboard.core.auth;

import dev.switchboard.core.config.PlatformConfig;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.tenancy.AgencyId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Opaque bearer tokens: 256 random bits handed to the client, SHA-256 of it stored, so a leaked
 * table does not leak usable tokens.
 */
@ApplicationScoped
public class AccessTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Database db;

    @Inject
    PlatformConfig config;

    @Inject
    Users users;

    @Transactional
    public IssuedToken issue(AuthenticatedUser user) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        OffsetDateTime expiresAt = OffsetDateTime.now(ZoneOffset.UTC).plus(config.tokenLifetime());
        try (DatabaseScope scope = DatabaseScope.system("access tokens")) {
            db.update("DELETE FROM access_token WHERE expires_at < now()");
            db.update("INSERT INTO access_token (token_hash, user_id, expires_at) VALUES (?, ?, ?)",
                    hash(token), user.id(), expiresAt);
        }
        return new IssuedToken(token, expiresAt, user);
    }

    public Optional<AuthenticatedUser> verify(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        record Owner(UUID id, UUID agencyId, String email, boolean operator) { }
        try (DatabaseScope scope = DatabaseScope.system("access tokens")) {
            return db.queryOne("""
                    SELECT u.id, u.agency_id, u.email, u.operator FROM access_token t JOIN app_user u ON u.id = t.user_id
                    WHERE t.token_hash = ? AND t.expires_at > now() AND u.disabled_at IS NULL""",
                    row -> new Owner(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                            row.getBoolean(4)), hash(token))
                    .map(owner -> new AuthenticatedUser(owner.id(), AgencyId.of(owner.agencyId()), owner.email(),
                            users.grants(owner.id(), owner.operator())));
        }
    }

    /** Ends every session of a user (they were disabled). */
    @Transactional
    public void revokeAll(UUID userId) {
        try (DatabaseScope scope = DatabaseScope.system("access tokens")) {
            db.update("DELETE FROM access_token WHERE user_id = ?", userId);
        }
    }

    @Transactional
    public void revoke(String token) {
        try (DatabaseScope scope = DatabaseScope.system("access tokens")) {
            db.update("DELETE FROM access_token WHERE token_hash = ?", hash(token));
        }
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
