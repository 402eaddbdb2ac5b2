package dev.switchboard.core.auth;

import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.problems.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Slows down password guessing: after {@value #ACCOUNT_LIMIT} failed sign-ins for one email, or
 * {@value #ADDRESS_LIMIT} from one address, within {@link #WINDOW}, further attempts are refused
 * with 429 until the window has passed. Emails that belong to no user count the same way, and the
 * message never says which limit was hit, so neither reveals which accounts exist. Counted in the
 * database, so every node sees the same counts; keys are hashed, so the table holds no emails.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int ACCOUNT_LIMIT = 10;
    static final int ADDRESS_LIMIT = 50;
    static final Duration WINDOW = Duration.ofMinutes(15);

    @Inject
    Database db;

    /** Refuses the attempt when the account or the address failed too often in the current window. */
    public void check(String email, String address) {
        try (DatabaseScope scope = DatabaseScope.system("sign-in throttling")) {
            if (failures(key("account", email)) >= ACCOUNT_LIMIT || failures(key("address", address)) >= ADDRESS_LIMIT) {
                throw ProblemException.tooManyRequests("too many failed sign-ins; try again in "
                        + WINDOW.toMinutes() + " minutes");
            }
        }
    }

    /** Counts a failed attempt against the account and the address. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String email, String address) {
        try (DatabaseScope scope = DatabaseScope.system("sign-in throttling")) {
            count(key("account", email));
            count(key("address", address));
        }
    }

    /** A successful sign-in clears the account's count (not the address's). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void succeeded(String email) {
        try (DatabaseScope scope = DatabaseScope.system("sign-in throttling")) {
            db.update("DELETE FROM login_failure WHERE key = ?", key("account", email));
        }
    }

    private int failures(String key) {
        return db.queryOne("SELECT failures FROM login_failure WHERE key = ? AND window_started > now() - ? * interval '1 second'",
                row -> row.getInt(1), key, WINDOW.toSeconds()).orElse(0);
    }

    private void count(String key) {
        db.update("""
                INSERT INTO login_failure (key, failures) VALUES (?, 1)
                ON CONFLICT (key) DO UPDATE SET
                    failures = CASE WHEN login_failure.window_started > now() - ? * interval '1 second'
                                    THEN login_failure.failures + 1 ELSE 1 END,
                    window_started = CASE WHEN login_failure.window_started > now() - ? * interval '1 second'
                                          THEN login_failure.window_started ELSE now() END""",
                key, WINDOW.toSeconds(), WINDOW.toSeconds());
    }

    private static String key(String kind, String value) {
        String normalized = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((kind + ":" + normalized).getBytes(StandardCharsets.UTF_8));
            return kind + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
