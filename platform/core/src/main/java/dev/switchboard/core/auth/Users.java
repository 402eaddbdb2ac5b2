package dev.switchboard.core.auth;

import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.DatabaseException;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.AgencyId;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Users, their passwords (hashed with Jakarta Security's PBKDF2: HMAC-SHA256, 210k iterations) and
 * their roles. Every method but sign-in works within one agency.
 */
@ApplicationScoped
public class Users {

    /** Shortest password accepted. */
    public static final int MIN_PASSWORD = 10;
    /** Longest password accepted (PBKDF2 hashes any length; this bounds the work). */
    public static final int MAX_PASSWORD = 200;
    /** Longest email address. */
    public static final int MAX_EMAIL = 320;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    @Inject
    Database db;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    AccessTokens tokens;

    @PostConstruct
    void configureHash() {
        passwordHash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    /** A user as an agency's admins see them. */
    public record UserSummary(UUID id, String email, boolean operator, AgencyRole agencyRole,
                              Map<LocationId, LocationRole> locationRoles, boolean disabled, OffsetDateTime createdAt) {
    }

    /** A new user of an agency, with the roles to give them. */
    public record NewUser(String email, String password, AgencyRole agencyRole, Map<LocationId, LocationRole> locationRoles) {
    }

    /**
     * Creates a user of the agency. Only an owner creates another owner.
     *
     * @param actor who asks, for the owner rule; {@code null} for the platform itself (first run, a new agency)
     */
    @Transactional
    public UserSummary create(AuthenticatedUser actor, AgencyId agencyId, NewUser request, boolean operator) {
        Violations violations = new Violations();
        String email = checkEmail(request.email(), violations);
        String password = request.password();
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            violations.field("password", "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        } else if (Texts.unstorable(password) != null) {
            violations.field("password", Texts.unstorable(password));
        }
        Map<LocationId, LocationRole> locationRoles = request.locationRoles() == null ? Map.of() : request.locationRoles();
        checkRoles(actor, agencyId, request.agencyRole(), locationRoles, violations);
        violations.throwIfAny();
        UUID id = UUID.randomUUID();
        try {
            db.update("INSERT INTO app_user (id, agency_id, email, password_hash, operator) VALUES (?, ?, ?, ?, ?)",
                    id, agencyId, email, passwordHash.generate(password.toCharArray()), operator);
        } catch (DatabaseException e) {
            if (e.isUniqueViolation()) {
                throw ProblemException.conflict("a user with the email " + Texts.quote(email) + " exists");
            }
            throw e;
        }
        writeRoles(agencyId, id, request.agencyRole(), locationRoles);
        return find(agencyId, id).orElseThrow();
    }

    /** The user with this email and password, if enabled; empty for an unknown email or a wrong password alike. */
    public Optional<AuthenticatedUser> authenticate(String email, char[] password) {
        record Row(UUID id, UUID agencyId, String email, String hash, boolean disabled) { }
        Optional<Row> row;
        // sign-in looks the email up across agencies: it is how a request finds its tenant
        try (DatabaseScope scope = DatabaseScope.system("sign-in")) {
            row = db.queryOne("SELECT id, agency_id, email, password_hash, disabled_at IS NOT NULL FROM app_user"
                    + " WHERE lower(email) = lower(?)", rs -> new Row(rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getBoolean(5)), email.trim());
        }
        if (row.isEmpty()) {
            // spend the same time as a real check so response time does not reveal which emails exist
            passwordHash.verify(password, DUMMY_HASH);
            return Optional.empty();
        }
        if (!passwordHash.verify(password, row.get().hash()) || row.get().disabled()) {
            return Optional.empty();
        }
        try (DatabaseScope scope = DatabaseScope.system("sign-in")) {
            return Optional.of(new AuthenticatedUser(row.get().id(), AgencyId.of(row.get().agencyId()), row.get().email(),
                    grants(row.get().id())));
        }
    }

    /** The roles of a user; call within a scope that sees the user's agency. */
    public Grants grants(UUID userId) {
        boolean operator = db.queryOne("SELECT operator FROM app_user WHERE id = ?", rs -> rs.getBoolean(1), userId)
                .orElse(false);
        return grants(userId, operator);
    }

    /** The roles of a user whose operator flag is already known. */
    Grants grants(UUID userId, boolean operator) {
        record Grant(UUID locationId, String role) { }
        Optional<AgencyRole> agencyRole = Optional.empty();
        Map<LocationId, LocationRole> locations = new HashMap<>();
        for (Grant grant : db.query("SELECT location_id, role FROM role_grant WHERE user_id = ?",
                rs -> new Grant(rs.getObject(1, UUID.class), rs.getString(2)), userId)) {
            if (grant.locationId() == null) {
                agencyRole = Optional.of(AgencyRole.valueOf(grant.role()));
            } else {
                locations.put(LocationId.of(grant.locationId()), LocationRole.valueOf(grant.role()));
            }
        }
        return new Grants(operator, agencyRole, locations);
    }

    public List<UserSummary> list(AgencyId agencyId) {
        return db.query(SELECT_USER + " WHERE agency_id = ? ORDER BY created_at, id", UserRow::of, agencyId).stream()
                .map(this::summary).toList();
    }

    public Optional<UserSummary> find(AgencyId agencyId, UUID userId) {
        return db.queryOne(SELECT_USER + " WHERE agency_id = ? AND id = ?", UserRow::of, agencyId, userId)
                .map(this::summary);
    }

    private static final String SELECT_USER =
            "SELECT id, email, operator, disabled_at IS NOT NULL, created_at FROM app_user";

    /** A row of {@link #SELECT_USER}. */
    private record UserRow(UUID id, String email, boolean operator, boolean disabled, OffsetDateTime createdAt) {

        static UserRow of(java.sql.ResultSet rs) throws java.sql.SQLException {
            return new UserRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                    rs.getObject(5, OffsetDateTime.class));
        }
    }

    private UserSummary summary(UserRow row) {
        Grants grants = grants(row.id(), row.operator());
        return new UserSummary(row.id(), row.email(), row.operator(), grants.agencyRole().orElse(null),
                new LinkedHashMap<>(grants.locationRoles()), row.disabled(), row.createdAt());
    }

    /**
     * Replaces a user's roles. Only an owner gives or takes the owner role, and an agency keeps at
     * least one owner.
     */
    @Transactional
    public UserSummary changeRoles(AuthenticatedUser actor, AgencyId agencyId, UUID userId, AgencyRole agencyRole,
                                   Map<LocationId, LocationRole> locationRoles) {
        UserSummary user = find(agencyId, userId).orElseThrow(() -> ProblemException.notFound("user " + userId));
        Violations violations = new Violations();
        Map<LocationId, LocationRole> roles = locationRoles == null ? Map.of() : locationRoles;
        checkRoles(actor, agencyId, agencyRole, roles, violations);
        if (user.agencyRole() == AgencyRole.OWNER && agencyRole != AgencyRole.OWNER) {
            if (actor != null && actor.grants().agencyRole().orElse(null) != AgencyRole.OWNER) {
                violations.field("agencyRole", "only an owner takes the owner role from a user");
            } else if (owners(agencyId) <= 1) {
                violations.field("agencyRole", "the agency's last owner keeps the owner role");
            }
        }
        violations.throwIfAny();
        db.update("DELETE FROM role_grant WHERE agency_id = ? AND user_id = ?", agencyId, userId);
        writeRoles(agencyId, userId, agencyRole, roles);
        return find(agencyId, userId).orElseThrow();
    }

    /** Disables a user: they cannot sign in, and every token they hold stops working at once. */
    @Transactional
    public UserSummary disable(AuthenticatedUser actor, AgencyId agencyId, UUID userId) {
        UserSummary user = find(agencyId, userId).orElseThrow(() -> ProblemException.notFound("user " + userId));
        if (actor != null && actor.id().equals(userId)) {
            throw ProblemException.conflict("users cannot disable themselves");
        }
        if (user.agencyRole() == AgencyRole.OWNER && (actor == null
                || actor.grants().agencyRole().orElse(null) != AgencyRole.OWNER)) {
            throw ProblemException.forbidden("only an owner disables an owner");
        }
        db.update("UPDATE app_user SET disabled_at = coalesce(disabled_at, now()) WHERE agency_id = ? AND id = ?",
                agencyId, userId);
        tokens.revokeAll(userId);
        return find(agencyId, userId).orElseThrow();
    }

    /** The theme the user picked for themselves; {@code null} follows the agency's. */
    @Transactional
    public void chooseTheme(AgencyId agencyId, UUID userId, String themeId) {
        db.update("UPDATE app_user SET theme_id = ? WHERE agency_id = ? AND id = ?", themeId, agencyId, userId);
    }

    public Optional<String> theme(AgencyId agencyId, UUID userId) {
        return db.queryOne("SELECT theme_id FROM app_user WHERE agency_id = ? AND id = ? AND theme_id IS NOT NULL",
                rs -> rs.getString(1), agencyId, userId);
    }

    /** The email trimmed, or an error under {@code /email}. */
    String checkEmail(String raw, Violations violations) {
        String email = Texts.optional(raw, "/email", MAX_EMAIL, violations);
        if (email == null && violations.isEmpty()) {
            violations.field("email", "required");
        } else if (email != null && !EMAIL.matcher(email).matches()) {
            violations.field("email", Texts.quote(email) + " is not an email address");
        }
        return email;
    }

    /** Whether a user of any agency has this email (emails sign in, so they are unique everywhere). */
    boolean emailTaken(String email) {
        try (DatabaseScope scope = DatabaseScope.system("unique emails")) {
            return db.queryOne("SELECT 1 FROM app_user WHERE lower(email) = lower(?)", rs -> true, email).isPresent();
        }
    }

    void checkRoles(AuthenticatedUser actor, AgencyId agencyId, AgencyRole agencyRole,
                            Map<LocationId, LocationRole> locationRoles, Violations violations) {
        if (agencyRole == AgencyRole.OWNER && actor != null
                && actor.grants().agencyRole().orElse(null) != AgencyRole.OWNER) {
            violations.field("agencyRole", "only an owner makes another user owner");
        }
        if (locationRoles.size() > 1000) {
            violations.field("locationRoles", "at most 1000 locations");
            return;
        }
        for (Map.Entry<LocationId, LocationRole> role : locationRoles.entrySet()) {
            if (role.getKey() == null || role.getValue() == null) {
                violations.field("locationRoles", "every entry names a location id and one of " + List.of(LocationRole.values()));
            } else if (db.queryOne("SELECT 1 FROM location WHERE agency_id = ? AND id = ?", rs -> true, agencyId,
                    role.getKey()).isEmpty()) {
                violations.at("/locationRoles/" + role.getKey(), "no such location in this agency");
            }
        }
        if (agencyRole == null && locationRoles.isEmpty()) {
            violations.add(FieldError.general("a user needs a role: agencyRole, or locationRoles for some locations"));
        }
    }

    private void writeRoles(AgencyId agencyId, UUID userId, AgencyRole agencyRole, Map<LocationId, LocationRole> locationRoles) {
        if (agencyRole != null) {
            db.update("INSERT INTO role_grant (user_id, agency_id, role) VALUES (?, ?, ?)", userId, agencyId,
                    agencyRole.name());
        }
        for (Map.Entry<LocationId, LocationRole> role : locationRoles.entrySet()) {
            db.update("INSERT INTO role_grant (user_id, agency_id, location_id, role) VALUES (?, ?, ?, ?)", userId,
                    agencyId, role.getKey(), role.getValue().name());
        }
    }

    private int owners(AgencyId agencyId) {
        return db.queryOne("""
                SELECT count(*) FROM role_grant g JOIN app_user u ON u.id = g.user_id
                WHERE g.agency_id = ? AND g.location_id IS NULL AND g.role = 'OWNER' AND u.disabled_at IS NULL""",
                rs -> rs.getInt(1), agencyId).orElse(0);
    }

    private static final String DUMMY_HASH =
            "PBKDF2WithHmacSHA256:210000:AAAAAAAAAAAAAAAAAAAAAA==:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
}
