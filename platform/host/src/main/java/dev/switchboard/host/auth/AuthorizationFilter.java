package dev.switchboard.host.auth;

import dev.switchboard.core.auth.AuthenticatedUser;
import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.TenantScope;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.logging.Logger;

/**
 * Checks the permission each operation declares ({@link Requires}) against the caller's roles,
 * after {@link BearerTokenFilter} has found the caller and the location the path names: platform
 * permissions need the operator, agency permissions a role in the agency, location permissions a
 * role that covers the location. Refusals are 403 problems naming the permission.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AuthorizationFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(AuthorizationFilter.class.getName());

    @Inject
    TenantScope scope;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null || BearerTokenFilter.isPublic(resource)) {
            return;
        }
        Permission needed = required(method);
        AuthenticatedUser user = scope.user();
        if (needed == null) {
            LOG.severe(() -> "Refused " + request.getMethod() + " " + request.getUriInfo().getPath()
                    + ": its operation " + method + " declares no permission");
            throw ProblemException.forbidden("this operation declares no permission, so nobody may call it");
        }
        boolean allowed = switch (needed.level()) {
            case PLATFORM, AGENCY -> user.grants().may(needed);
            case LOCATION -> scope.hasLocation() && user.grants().may(needed, scope.locationId());
        };
        if (!allowed) {
            throw ProblemException.forbidden("your roles do not grant " + needed.id() + ", which this operation needs");
        }
    }

    /** The permission the operation declares, on the method or else on its class. */
    static Permission required(Method method) {
        Requires declared = method.getAnnotation(Requires.class);
        if (declared == null) {
            declared = method.getDeclaringClass().getAnnotation(Requires.class);
        }
        return declared == null ? null : declared.value();
    }
}
