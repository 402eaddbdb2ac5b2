package dev.switchboard.core.tenancy;

import dev.switchboard.core.auth.AuthenticatedUser;
import dev.switchboard.core.problems.ProblemException;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who is calling and for which location, for the current request. Filled once by the host's
 * authentication filter; every tenant-owned query takes its location from here, so no resource
 * decides tenancy on its own.
 */
@RequestScoped
public class TenantScope {

    private AuthenticatedUser user;
    private Location location;

    public void authenticate(AuthenticatedUser user) {
        this.user = user;
    }

    public void enter(Location location) {
        if (user == null || !user.agencyId().value().equals(location.agencyId())) {
            throw ProblemException.notFound("location " + location.id());
        }
        this.location = location;
    }

    public AuthenticatedUser user() {
        if (user == null) {
            throw ProblemException.unauthorized("a bearer token is required");
        }
        return user;
    }

    public AgencyId agencyId() {
        return user().agencyId();
    }

    /** The location the request is scoped to. */
    public Location location() {
        if (location == null) {
            throw new IllegalStateException("request is not scoped to a location");
        }
        return location;
    }

    public LocationId locationId() {
        return LocationId.of(location().id());
    }

    /** Whether the request is scoped to a location (its path names one the caller sees). */
    public boolean hasLocation() {
        return location != null;
    }
}
