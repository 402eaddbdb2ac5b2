package dev.switchboard.host.auth;

import dev.switchboard.core.auth.AccessTokens;
import dev.switchboard.core.auth.AuthenticatedUser;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.Location;
import dev.switchboard.core.tenancy.LocationId;
import dev.switchboard.core.tenancy.TenantDirectory;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.Ids;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * The one place where a request gets its tenant: checks the bearer token, then, for paths under
 * {@code /locations/{locationId}}, that the location belongs to the caller's agency. A location of
 * another agency is reported as not found, so ids of other tenants cannot be probed.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

    private static final String PREFIX = "Bearer ";

    @Inject
    AccessTokens tokens;

    @Inject
    TenantDirectory tenants;

    @Inject
    TenantScope scope;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (isPublic(resource)) {
            return;
        }
        String token = bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION)).orElseThrow(() ->
                ProblemException.unauthorized("send 'Authorization: Bearer <token>'; get a token from POST /api/v1/auth/login"));
        AuthenticatedUser user = tokens.verify(token)
                .orElseThrow(() -> ProblemException.unauthorized("the bearer token is unknown or expired; log in again"));
        scope.authenticate(user);
        // the request's database work sees its agency's rows only (closed by RequestScopeFilter)
        DatabaseScope.agency(user.agencyId().value());
        String agencyId = request.getUriInfo().getPathParameters().getFirst("agencyId");
        if (agencyId != null && !Ids.parse(agencyId, "agency").equals(user.agencyId().value())) {
            // another agency's resources do not exist for this caller
            throw ProblemException.notFound("agency " + agencyId);
        }
        String locationId = request.getUriInfo().getPathParameters().getFirst("locationId");
        if (locationId != null) {
            Location location = tenants.location(user.agencyId(), LocationId.of(Ids.parse(locationId, "location")))
                    .filter(found -> user.grants().seesLocation(LocationId.of(found.id())))
                    .orElseThrow(() -> ProblemException.notFound("location " + locationId));
            scope.enter(location);
            DatabaseScope.location(location.agencyId(), location.id());
        }
    }

    /** The token of an {@code Authorization: Bearer <token>} header. */
    static Optional<String> bearerToken(String header) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(PREFIX.length()).trim());
    }

    static boolean isPublic(ResourceInfo resource) {
        return resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(Public.class)
                || resource.getResourceClass().isAnnotationPresent(Public.class));
    }
}
