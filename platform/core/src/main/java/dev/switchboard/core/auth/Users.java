package dev.switchboard.core.auth;

import dev.switchboard.core.db.Database;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Users and their passwords, hashed with Jakarta Security's PBKDF2 (HMAC-SHA256, 210k iterations). */
@ApplicationScoped
public class Users {

    @Inject
    Database db;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @PostConstruct
    void configureHash() {
        passwordHash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    @Transactional
    public AuthenticatedUser create(UUID agencyId, String email, char[] password, Role role) {
        UUID id = UUID.randomUUID();
        db.update("INSERT INTO app_user (id, agency_id, email, password_hash, role) VALUES (?, ?, ?, ?, ?)",
                id, agencyId, email.trim(), passwordHash.generate(password), role.name());
        return new AuthenticatedUser(id, agencyId, email.trim(), role);
    }

    /** The user with this email and password; empty for an unknown email or a wrong password alike. */
    public Optional<AuthenticatedUser> authenticate(String email, char[] password) {
        record Row(AuthenticatedUser user, String hash) { }
        Optional<Row> row = db.queryOne(
                "SELECT id, agency_id, email, role, password_hash FROM app_user WHERE lower(email) = lower(?)",
                rs -> new Row(new AuthenticatedUser(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), Role.valueOf(rs.getString(4))), rs.getString(5)),
                email.trim());
        if (row.isEmpty()) {
            // spend the same time as a real check so response time does not reveal which emails exist
            passwordHash.verify(password, DUMMY_HASH);
            return Optional.empty();
        }
        return passwordHash.verify(password, row.get().hash()) ? Optional.of(row.get().user()) : Optional.empty();
    }

    private static final String DUMMY_HASH =
            "PBKDF2WithHmacSHA256:210000:AAAAAAAAAAAAAAAAAAAAAA==:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
}
