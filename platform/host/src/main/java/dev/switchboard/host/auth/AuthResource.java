package dev.switchboard.host.auth;

import dev.switchboard.core.auth.AccessTokens;
import dev.switchboard.core.auth.AgencyRole;
import dev.switchboard.core.auth.AuthenticatedUser;
import dev.switchboard.core.auth.Grants;
import dev.switchboard.core.auth.Invitations;
import dev.switchboard.core.auth.IssuedToken;
import dev.switchboard.core.auth.LocationRole;
import dev.switchboard.core.auth.LoginThrottle;
import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.auth.Users;
import dev.switchboard.core.plugins.locations.PluginPermissions;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.Agency;
import dev.switchboard.core.tenancy.Location;
import dev.switchboard.core.tenancy.LocationId;
import dev.switchboard.core.tenancy.TenantDirectory;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.core.themes.ThemeCatalog;
import dev.switchboard.host.tenancy.AgenciesView;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Login and the caller's own account. */
@Path("/")
@Tag(name = "Account", description = "Sign-in, invitations and the caller's own account")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    Users users;

    @Inject
    PluginPermissions pluginPermissions;

    @Inject
    AccessTokens tokens;

    @Inject
    TenantDirectory tenants;

    @Inject
    TenantScope scope;

    @Inject
    LoginThrottle throttle;

    @Inject
    Invitations invitations;

    @Inject
    ThemeCatalog themes;

    /** Login request. */
    public record Credentials(String email, String password) {
    }

    /**
     * The caller, their agency, the locations they can work in, their roles and what those let them do.
     *
     * @param themeId the theme the caller chose for themselves; {@code null} follows the agency's
     */
    public record Me(UserView user, Agency agency, List<Location> locations, Roles roles, Permissions permissions,
                     String themeId) {
    }

    /** A login answer: the bearer token and who it belongs to. */
    public record Session(String token, OffsetDateTime expiresAt, UserView user, Agency agency, List<Location> locations,
                          Roles roles, Permissions permissions) {
    }

    /**
     * A user as the API shows it.
     *
     * @param role the user's role in the agency (OWNER, ADMIN), or LOCATIONS when they have roles in single locations only
     * @param operator whether the user also operates the platform
     */
    public record UserView(UUID id, String email, String role, boolean operator) {
    }

    /** The caller's roles: in the agency (or none), and per location. */
    public record Roles(AgencyRole agency, Map<String, LocationRole> locations) {
    }

    /** What the caller may do: in the agency and platform, and in each location they see. */
    public record Permissions(List<String> agency, Map<String, List<String>> locations) {
    }

    /** Body of "choose my theme"; a {@code null} theme follows the agency's again. */
    public record ThemePreference(String themeId) {
    }

    @POST
    @Path("auth/login")
    @Public
    @SecurityRequirements
    @Operation(operationId = "login", summary = "Sign in: a bearer token and who it belongs to")
    @APIResponse(responseCode = "200", description = "Signed in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Session.class)))
    @APIResponse(responseCode = "429", description = "Too many failed sign-ins; see Retry-After",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Session login(Credentials credentials, @Context HttpServletRequest request) {
        Violations violations = new Violations();
        if (credentials == null || blank(credentials.email())) {
            violations.field("email", "required");
        }
        if (credentials == null || blank(credentials.password())) {
            violations.field("password", "required");
        }
        violations.throwIfAny();
        if (credentials.email().length() > Users.MAX_EMAIL || credentials.password().length() > Users.MAX_PASSWORD) {
            throw ProblemException.unauthorized("email or password is wrong");
        }
        String address = request.getRemoteAddr();
        throttle.check(credentials.email(), address);
        Optional<AuthenticatedUser> authenticated = users.authenticate(credentials.email(), credentials.password().toCharArray());
        if (authenticated.isEmpty()) {
            throttle.failed(credentials.email(), address);
            throw ProblemException.unauthorized("email or password is wrong");
        }
        AuthenticatedUser user = authenticated.get();
        throttle.succeeded(credentials.email());
        return session(user);
    }

    /** Body of "accept an invitation": the token of its link and the password the invitee chooses. */
    public record Acceptance(String token, String password) {
    }

    /**
     * Accepts an invitation: creates the invitee's user with the roles it names and signs them in. An
     * unknown, used, revoked or expired invitation is 404, whichever it is.
     */
    @POST
    @Path("invitations/accept")
    @Public
    @SecurityRequirements
    @Operation(operationId = "acceptInvitation", summary = "Accept an invitation: create the invitee's user and sign them in")
    public Session accept(Acceptance acceptance) {
        Acceptance request = acceptance == null ? new Acceptance(null, null) : acceptance;
        return session(invitations.accept(request.token(), request.password()));
    }

    /** A new session of a user who just proved who they are, with what they see as they sign in. */
    private Session session(AuthenticatedUser user) {
        IssuedToken token = tokens.issue(user);
        DatabaseScope.agency(user.agencyId().value());
        Me me = me(user);
        return new Session(token.token(), token.expiresAt(), me.user(), me.agency(), me.locations(), me.roles(),
                me.permissions());
    }

    /** Revokes the token of this request; later calls with it get 401. */
    @POST
    @Path("auth/logout")
    @Requires(Permission.SELF)
    @Operation(operationId = "logout", summary = "Sign out: revoke this request's token")
    @APIResponse(responseCode = "204", description = "Signed out")
    public Response logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        // the token filter accepted this header, so it holds a bearer token
        BearerTokenFilter.bearerToken(authorization).ifPresent(tokens::revoke);
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @Requires(Permission.SELF)
    @Operation(operationId = "me", summary = "The caller, their agency, locations, roles and permissions")
    public Me me() {
        return me(scope.user());
    }

    /** The caller's own theme, which only they see; the agency's theme is changed at {@code /agency/theme}. */
    @PUT
    @Path("me/theme")
    @Requires(Permission.SELF)
    @Operation(operationId = "chooseMyTheme", summary = "Choose the caller's own theme (null follows the agency's)")
    public Me chooseTheme(ThemePreference preference) {
        String themeId = preference == null ? null : preference.themeId();
        if (themeId != null && themes.find(themeId).isEmpty()) {
            throw ProblemException.invalid(FieldError.field("themeId", "must be one of "
                    + themes.all().stream().map(theme -> theme.id()).toList() + " or null"));
        }
        users.chooseTheme(scope.agencyId(), scope.user().id(), themeId);
        return me(scope.user());
    }

    private Me me(AuthenticatedUser user) {
        Grants grants = user.grants();
        List<Location> locations = grants.visible(tenants.locations(user.agencyId()));
        Map<String, List<String>> perLocation = new LinkedHashMap<>();
        locations.forEach(location -> {
            LocationId id = LocationId.of(location.id());
            List<String> permissions = new java.util.ArrayList<>(ids(grants.locationPermissions(id)));
            // the plugins' declared permissions that the caller's role grants there
            permissions.addAll(pluginPermissions.granted(id, grants.locationRole(id)));
            perLocation.put(location.id().toString(), permissions);
        });
        String role = grants.agencyRole().map(Enum::name).orElse("LOCATIONS");
        return new Me(new UserView(user.id(), user.email(), role, grants.operator()),
                tenants.agency(user.agencyId()).orElseThrow(), locations,
                new Roles(grants.agencyRole().orElse(null), AgenciesView.byId(grants.locationRoles())),
                new Permissions(ids(grants.agencyPermissions()), perLocation),
                users.theme(user.agencyId(), user.id()).orElse(null));
    }

    private static List<String> ids(java.util.Set<Permission> permissions) {
        return permissions.stream().map(Permission::id).sorted().toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
