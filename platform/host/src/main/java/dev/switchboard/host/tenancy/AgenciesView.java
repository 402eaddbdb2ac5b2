package dev.switchboard.host.tenancy;

import dev.switchboard.core.auth.AgencyRole;
import dev.switchboard.core.auth.LocationRole;
import dev.switchboard.core.auth.Users;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.LocationId;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How users and their roles travel in the API: location ids as JSON object keys. */
public final class AgenciesView {

    private AgenciesView() {
    }

    /**
     * A user of an agency.
     *
     * @param agencyRole OWNER, ADMIN or {@code null} (roles in single locations only)
     * @param locationRoles ADMIN, USER or READ_ONLY per location id
     */
    @Schema(name = "AgencyUser")
    public record UserView(UUID id, String email, boolean operator, AgencyRole agencyRole,
                           Map<String, LocationRole> locationRoles, boolean disabled, OffsetDateTime createdAt) {

        static UserView of(Users.UserSummary user) {
            return new UserView(user.id(), user.email(), user.operator(), user.agencyRole(), byId(user.locationRoles()),
                    user.disabled(), user.createdAt());
        }
    }

    public static Map<String, LocationRole> byId(Map<LocationId, LocationRole> roles) {
        Map<String, LocationRole> byId = new TreeMap<>();
        roles.forEach((location, role) -> byId.put(location.toString(), role));
        return byId;
    }

    /** Location roles sent by a client; a key that is not a location id is a 400 naming it. */
    static Map<LocationId, LocationRole> parse(Map<String, LocationRole> roles) {
        Map<LocationId, LocationRole> parsed = new LinkedHashMap<>();
        if (roles == null) {
            return parsed;
        }
        if (roles.size() > 1000) {
            throw ProblemException.invalid(FieldError.field("locationRoles", "at most 1000 locations"));
        }
        roles.forEach((location, role) -> {
            try {
                parsed.put(LocationId.parse(location), role);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid(FieldError.at("/locationRoles/" + location.replace("~", "~0").replace("/", "~1"),
                        "not a location id"));
            }
        });
        return parsed;
    }
}
