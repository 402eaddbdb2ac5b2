package dev.switchboard.core.auth;

import dev.switchboard.core.tenancy.Location;
import dev.switchboard.core.tenancy.LocationId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The roles of one user: operator of the platform or not, a role in their agency or none, and
 * roles in single locations. An agency role covers every location of the agency as its admin.
 */
public record Grants(boolean operator, Optional<AgencyRole> agencyRole, Map<LocationId, LocationRole> locationRoles) {

    public Grants {
        agencyRole = agencyRole == null ? Optional.empty() : agencyRole;
        locationRoles = locationRoles == null ? Map.of() : Map.copyOf(locationRoles);
    }

    /** What the user may do on the platform and in their agency. */
    public Set<Permission> agencyPermissions() {
        Set<Permission> permissions = EnumSet.copyOf(Permission.MEMBER);
        agencyRole.ifPresent(role -> permissions.addAll(Permission.agencyRole()));
        if (operator) {
            permissions.addAll(Permission.operator());
        }
        return permissions;
    }

    /** What the user may do in a location of their agency; empty when they may not see it. */
    public Set<Permission> locationPermissions(LocationId locationId) {
        if (agencyRole.isPresent()) {
            return Permission.of(LocationRole.ADMIN);
        }
        LocationRole role = locationRoles.get(locationId);
        return role == null ? EnumSet.noneOf(Permission.class) : Permission.of(role);
    }

    /** The user's role in a location: agency owners and admins act as its admins. */
    public Optional<LocationRole> locationRole(LocationId locationId) {
        if (agencyRole.isPresent()) {
            return Optional.of(LocationRole.ADMIN);
        }
        return Optional.ofNullable(locationRoles.get(locationId));
    }

    /** Whether the user sees the location of their agency at all. */
    public boolean seesLocation(LocationId locationId) {
        return agencyRole.isPresent() || locationRoles.containsKey(locationId);
    }

    /** The locations of the user's agency that the user sees, in their order. */
    public List<Location> visible(List<Location> agencyLocations) {
        return agencyLocations.stream().filter(location -> seesLocation(LocationId.of(location.id()))).toList();
    }

    public boolean may(Permission permission) {
        return agencyPermissions().contains(permission);
    }

    public boolean may(Permission permission, LocationId locationId) {
        return locationPermissions(locationId).contains(permission);
    }
}
