package dev.switchboard.host.tenancy;

import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.Agency;
import dev.switchboard.core.tenancy.Location;
import dev.switchboard.core.tenancy.TenantDirectory;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.core.themes.ThemeCatalog;
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

/** The caller's agency: its theme and its locations. */
@Path("/")
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
    public Agency agency() {
        return tenants.agency(scope.agencyId()).orElseThrow();
    }

    @PUT
    @Path("agency/theme")
    public Agency chooseTheme(ThemeChoice choice) {
        if (choice == null || choice.themeId() == null || themes.find(choice.themeId()).isEmpty()) {
            throw ProblemException.invalid(FieldError.field("themeId", "themeId must be one of "
                    + themes.all().stream().map(theme -> theme.id()).toList()));
        }
        return tenants.changeTheme(scope.agencyId(), choice.themeId());
    }

    @GET
    @Path("locations")
    public List<Location> locations() {
        return tenants.locations(scope.agencyId());
    }

    @POST
    @Path("locations")
    public Response createLocation(NewLocation request) {
        if (request == null || request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            throw ProblemException.invalid(FieldError.field("name", "required, 1-200 characters"));
        }
        return Response.status(201).entity(tenants.createLocation(scope.agencyId(), request.name().trim())).build();
    }
}
