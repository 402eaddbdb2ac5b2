package dev.switchboard.core.plugins.trust;

import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.DatabaseException;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The certificates whose signatures the operator trusts on plugin artifacts, platform-wide and kept
 * in PostgreSQL (table {@code plugin_signing_key}) so every node trusts the same keys.
 *
 * <p>A certificate past its validity is accepted and shown as expired: a signature says who built an
 * artifact, and artifacts outlive their publishers' certificates. The operator stops trusting a key
 * by removing it; that refuses new uploads signed with it, and leaves installed plugins running
 * (they were checked when they were installed).
 */
@ApplicationScoped
public class SigningKeys {

    /** Longest name of a key. */
    public static final int MAX_NAME = 200;

    private static final String SELECT = "SELECT id, name, certificate, added_by, added_at FROM plugin_signing_key";
    private static final Pattern COMMON_NAME = Pattern.compile("(?:^|,)CN=((?:[^,\\\\]|\\\\.)+)");

    @Inject
    Database db;

    /**
     * A trusted certificate as the operator sees it.
     *
     * @param name what the operator called it (the certificate's common name unless named)
     * @param subject the certificate's subject (RFC 2253)
     * @param issuer who issued it; the subject again for a self-signed certificate
     * @param fingerprint SHA-256 of the certificate, as keytool prints it
     * @param expired whether {@code notAfter} has passed (accepted all the same, see the class)
     * @param certificate the certificate, PEM
     */
    public record SigningKey(UUID id, String name, String subject, String issuer, String fingerprint,
                             OffsetDateTime notBefore, OffsetDateTime notAfter, boolean expired, UUID addedBy,
                             OffsetDateTime addedAt, String certificate) {
    }

    /**
     * Trusts a certificate.
     *
     * @param name what to call it; blank takes the certificate's common name (or subject)
     * @param pem one X.509 certificate, PEM
     * @throws ProblemException 400 for a malformed certificate or name, 409 when it is trusted already
     */
    public SigningKey add(String name, String pem, UUID addedBy) {
        X509Certificate certificate;
        try {
            certificate = Certificates.parse(pem);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Not a certificate: " + e.getMessage());
        }
        Violations violations = new Violations();
        String chosen = name == null || name.isBlank() ? commonName(certificate)
                : Texts.check(name.strip(), "name", MAX_NAME, violations) ? name.strip() : null;
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.errors().stream()
                    .map(error -> FieldError.parameter("name", error.detail())).toList());
        }
        String fingerprint = Certificates.fingerprint(certificate);
        UUID id = UUID.randomUUID();
        try {
            db.update("INSERT INTO plugin_signing_key (id, name, certificate, sha256, added_by) VALUES (?, ?, ?, ?, ?)",
                    id, chosen, Certificates.pem(certificate), fingerprint, addedBy);
        } catch (DatabaseException e) {
            if (e.isUniqueViolation()) {
                throw ProblemException.conflict("the certificate with SHA-256 fingerprint " + fingerprint
                        + " is trusted already");
            }
            throw e;
        }
        return find(id);
    }

    /** Every trusted certificate, oldest first. */
    public List<SigningKey> list() {
        return db.query(SELECT + " ORDER BY added_at, id", SigningKeys::signingKey);
    }

    /** Stops trusting a certificate. */
    public void remove(UUID id) {
        if (db.update("DELETE FROM plugin_signing_key WHERE id = ?", id) == 0) {
            throw ProblemException.notFound("signing key " + id);
        }
    }

    /** The trusted certificates, for checking a signature. */
    public List<X509Certificate> certificates() {
        return db.query("SELECT certificate FROM plugin_signing_key", row -> Certificates.parse(row.getString(1)));
    }

    private SigningKey find(UUID id) {
        return db.queryOne(SELECT + " WHERE id = ?", SigningKeys::signingKey, id).orElseThrow();
    }

    private static SigningKey signingKey(ResultSet row) throws SQLException {
        String pem = row.getString(3);
        X509Certificate certificate = Certificates.parse(pem);
        OffsetDateTime notAfter = utc(certificate.getNotAfter());
        return new SigningKey(row.getObject(1, UUID.class), row.getString(2), Certificates.subject(certificate),
                certificate.getIssuerX500Principal().getName(), Certificates.fingerprint(certificate),
                utc(certificate.getNotBefore()), notAfter, notAfter.isBefore(OffsetDateTime.now(ZoneOffset.UTC)),
                row.getObject(4, UUID.class), row.getObject(5, OffsetDateTime.class), pem);
    }

    private static OffsetDateTime utc(Date date) {
        return date.toInstant().atOffset(ZoneOffset.UTC);
    }

    /** The certificate's common name, else its whole subject, else its fingerprint, cut to {@link #MAX_NAME}. */
    private static String commonName(X509Certificate certificate) {
        String subject = Certificates.subject(certificate);
        Matcher cn = COMMON_NAME.matcher(subject);
        String name = cn.find() ? cn.group(1).replace("\\", "").strip() : subject;
        if (name.isEmpty()) {
            name = Certificates.fingerprint(certificate);
        }
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }
}
