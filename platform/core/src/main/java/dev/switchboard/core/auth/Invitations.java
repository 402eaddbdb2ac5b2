package dev.switchboard.core.auth;

import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.db.JsonColumns;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.AgencyId;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Invitations to an agency: an admin names an email and the roles it will have; the invitation's
 * link carries a token (shown once, kept only as its SHA-256) with which the invitee chooses a
 * password and becomes a user. Invitations expire after {@link #VALID}, and can be revoked.
 */
@ApplicationScoped
public class Invitations {

    /** How long an invitation can be accepted. */
    public static final Duration VALID = Duration.ofDays(7);

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Database db;

    @Inject
    Users users;

    /** An invitation as admins see it; {@code token} only in the answer that created it. */
    public record Invitation(UUID id, String email, AgencyRole agencyRole, Map<LocationId, LocationRole> locationRoles,
                             String status, OffsetDateTime createdAt, OffsetDateTime expiresAt, String token) {
    }

    /** Invites {@code email} with these roles; the same checks as creating the user directly. */
    @Transactional
    public Invitation invite(AuthenticatedUser actor, AgencyId agencyId, String email, AgencyRole agencyRole,
                             Map<LocationId, LocationRole> locationRoles) {
        Violations violations = new Violations();
        String address = users.checkEmail(email, violations);
        Map<LocationId, LocationRole> roles = locationRoles == null ? Map.of() : locationRoles;
        users.checkRoles(actor, agencyId, agencyRole, roles, violations);
        violations.throwIfAny();
        if (users.emailTaken(address)) {
            throw ProblemException.conflict("a user with the email " + Texts.quote(address) + " exists");
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        UUID id = UUID.randomUUID();
        Map<String, String> stored = new LinkedHashMap<>();
        roles.forEach((location, role) -> stored.put(location.toString(), role.name()));
        OffsetDateTime expiresAt = OffsetDateTime.now(ZoneOffset.UTC).plus(VALID);
        db.update("""
                INSERT INTO invitation (id, agency_id, email, agency_role, location_roles, token_hash, created_by, expires_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?)""", id, agencyId, address,
                agencyRole == null ? null : agencyRole.name(), JsonColumns.json(stored), AccessTokens.hash(token),
                actor == null ? null : actor.id(), expiresAt);
        Invitation created = find(agencyId, id).orElseThrow();
        return new Invitation(created.id(), created.email(), created.agencyRole(), created.locationRoles(),
                created.status(), created.createdAt(), created.expiresAt(), token);
    }

    /** The agency's invitations, newest first, with their status: PENDING, ACCEPTED, REVOKED or EXPIRED. */
    public List<Invitation> list(AgencyId agencyId) {
        return db.query(SELECT + " WHERE agency_id = ? ORDER BY created_at DESC", Invitations::invitation, agencyId);
    }

    public Optional<Invitation> find(AgencyId agencyId, UUID invitationId) {
        return db.queryOne(SELECT + " WHERE agency_id = ? AND id = ?", Invitations::invitation, agencyId, invitationId);
    }

    /** Revokes a pending invitation: its link stops working. */
    @Transactional
    public Invitation revoke(AgencyId agencyId, UUID invitationId) {
        find(agencyId, invitationId).orElseThrow(() -> ProblemException.notFound("invitation " + invitationId));
        db.update("UPDATE invitation SET revoked_at = now() WHERE agency_id = ? AND id = ? AND accepted_at IS NULL"
                + " AND revoked_at IS NULL", agencyId, invitationId);
        return find(agencyId, invitationId).orElseThrow();
    }

    /**
     * Accepts an invitation: creates its user with the password chosen and the roles it names. An
     * unknown, used, revoked or expired token is not found, whichever it is.
     */
    @Transactional
    public AuthenticatedUser accept(String token, String password) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw ProblemException.notFound("invitation");
        }
        record Pending(UUID id, UUID agencyId, String email, String agencyRole, String locationRoles) { }
        Pending pending;
        // the token is how the invitee finds their agency: looked up across agencies
        try (DatabaseScope scope = DatabaseScope.system("invitation acceptance")) {
            pending = db.queryOne("""
                    SELECT id, agency_id, email, agency_role, location_roles::text FROM invitation
                    WHERE token_hash = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
                    FOR UPDATE""", row -> new Pending(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                    row.getString(3), row.getString(4), row.getString(5)), AccessTokens.hash(token))
                    .orElseThrow(() -> ProblemException.notFound("invitation (it may have expired, been used or revoked)"));
        }
        AgencyId agency = AgencyId.of(pending.agencyId());
        try (DatabaseScope scope = DatabaseScope.agency(agency.value())) {
            Map<LocationId, LocationRole> roles = new LinkedHashMap<>();
            JsonColumns.strings(pending.locationRoles()).forEach((location, role) ->
                    roles.put(LocationId.parse(location), LocationRole.valueOf(role)));
            Users.UserSummary user = users.create(null, agency, new Users.NewUser(pending.email(), password,
                    pending.agencyRole() == null ? null : AgencyRole.valueOf(pending.agencyRole()), roles), false);
            db.update("UPDATE invitation SET accepted_at = now() WHERE id = ?", pending.id());
            return new AuthenticatedUser(user.id(), agency, user.email(), users.grants(user.id()));
        }
    }

    private static final String SELECT = """
            SELECT id, email, agency_role, location_roles::text, created_at, expires_at,
                   CASE WHEN accepted_at IS NOT NULL THEN 'ACCEPTED' WHEN revoked_at IS NOT NULL THEN 'REVOKED'
                        WHEN expires_at <= now() THEN 'EXPIRED' ELSE 'PENDING' END
            FROM invitation""";

    private static Invitation invitation(java.sql.ResultSet row) throws java.sql.SQLException {
        Map<LocationId, LocationRole> roles = new LinkedHashMap<>();
        JsonColumns.strings(row.getString(4)).forEach((location, role) ->
                roles.put(LocationId.parse(location), LocationRole.valueOf(role)));
        String agencyRole = row.getString(3);
        return new Invitation(row.getObject(1, UUID.class), row.getString(2),
                agencyRole == null ? null : AgencyRole.valueOf(agencyRole), roles, row.getString(7),
                row.getObject(5, OffsetDateTime.class), row.getObject(6, OffsetDateTime.class), null);
    }
}
