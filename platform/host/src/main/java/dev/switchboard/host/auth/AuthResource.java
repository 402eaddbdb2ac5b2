package dev.switchboard.host.auth;

import dev.switchboard.core.auth.AccessTokens;
import dev.switchboard.core.auth.AuthenticatedUser;
import dev.switchboard.core.auth.IssuedToken;
import dev.switchboard.core.auth.Users;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.Agency;
import dev.switchboard.core.tenancy.Location;
import dev.switchboard.core.tenancy.TenantDirectory;
import dev.switchboard.core.tenancy.TenantScope;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Login and the caller's own account. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    Users users;

    @Inject
    AccessTokens tokens;

    @Inject
    TenantDirectory tenants;

    @Inject
    TenantScope scope;

    /** Login request. */
    public record Credentials(String email, String password) {
    }

    /** The caller, their agency and the locations they can work in. */
    public record Me(UserView user, Agency agency, List<Location> locations) {
    }

    /** A login answer: the bearer token and who it belongs to. */
    public record Session(String token, OffsetDateTime expiresAt, UserView user, Agency agency, List<Location> locations) {
    }

    /** A user as the API shows it. */
    public record UserView(UUID id, String email, String role) {
    }

    @POST
    @Path("auth/login")
    @Public
    public Session login(Credentials credentials) {
        if (credentials == null || blank(credentials.email()) || blank(credentials.password())) {
            throw ProblemException.badRequest("email and password are required");
        }
        AuthenticatedUser user = users.authenticate(credentials.email(), credentials.password().toCharArray())
                .orElseThrow(() -> ProblemException.unauthorized("email or password is wrong"));
        IssuedToken token = tokens.issue(user);
        Me me = me(user);
        return new Session(token.token(), token.expiresAt(), me.user(), me.agency(), me.locations());
    }

    /** Revokes the token of this request; later calls with it get 401. */
    @POST
    @Path("auth/logout")
    public Response logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        // the token filter accepted this header, so it holds a bearer token
        BearerTokenFilter.bearerToken(authorization).ifPresent(tokens::revoke);
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    public Me me() {
        return me(scope.user());
    }

    private Me me(AuthenticatedUser user) {
        return new Me(new UserView(user.id(), user.email(), user.role().name()),
                tenants.agency(user.agencyId()).orElseThrow(), tenants.locations(user.agencyId()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
