package dev.switchboard.host.tenancy;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.Agency;
import dev.switchboard.core.tenancy.Location;
import dev.switchboard.core.tenancy.TenantDirectory;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.core.themes.ThemeCatalog;
import dev.switchboard.host.auth.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's own agency, without naming it: its theme and the locations the caller sees. The same
 * as {@code /agencies/{agencyId}/…} for the caller's agency; the console uses these.
 */
@Path("/")
@Tag(name = "Agency", description = "The caller's own agency: its theme and locations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgencyResource {

    @Inject
    TenantDirectory tenants;

    @Inject
    TenantScope scope;

    @Inject
    ThemeCatalog themes;

    /** Body of "choose theme". */
    public record ThemeChoice(String themeId) {
    }

    /** Body of "create location". */
    public record NewLocation(String name) {
    }

    @GET
    @Path("agency")
    @Operation(operationId = "myAgency", summary = "The caller's agency")
    @Requires(Permission.SELF)
    public Agency agency() {
        return tenants.agency(scope.agencyId()).orElseThrow();
    }

    /** The agency's theme, which every user of the agency sees unless they chose their own. */
    @PUT
    @Path("agency/theme")
    @Operation(operationId = "chooseAgencyTheme", summary = "Choose the agency's theme")
    @Requires(Permission.AGENCY_THEME)
    public Agency chooseTheme(ThemeChoice choice) {
        if (choice == null || choice.themeId() == null || themes.find(choice.themeId()).isEmpty()) {
            throw ProblemException.invalid(FieldError.field("themeId", "themeId must be one of "
                    + themes.all().stream().map(theme -> theme.id()).toList()));
        }
        return tenants.changeTheme(scope.agencyId(), choice.themeId());
    }

    @GET
    @Path("locations")
    @Operation(operationId = "listLocations", summary = "The agency's locations the caller sees, oldest first")
    @Requires(Permission.SELF)
    public List<Location> locations() {
        return scope.user().grants().visible(tenants.locations(scope.agencyId()));
    }

    @POST
    @Path("locations")
    @Requires(Permission.AGENCY_LOCATIONS)
    @Operation(operationId = "createLocation", summary = "Create a location in the caller's agency")
    @APIResponse(responseCode = "201", description = "The new location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Location.class)))
    public Response createLocation(NewLocation request) {
        Location location = tenants.createLocation(scope.agencyId(), request == null ? null : request.name());
        return Response.status(201).entity(location).build();
    }
}
