package dev.switchboard.host.tenancy;

import dev.switchboard.core.auth.AgencyRole;
import dev.switchboard.core.auth.LocationRole;
import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.auth.Users;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.Problem;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.Agency;
import dev.switchboard.core.tenancy.AgencyId;
import dev.switchboard.core.tenancy.Location;
import dev.switchboard.core.tenancy.TenantDirectory;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.Ids;
import dev.switchboard.host.auth.Requires;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Agencies, their locations and their users. The operator lists and creates agencies (each with its
 * first owner); inside an agency, its owners and admins manage locations, users and roles. An agency
 * id other than the caller's own is not found, for the operator too: the operator runs the platform,
 * not the agencies' data.
 */
@Path("/agencies")
@Tag(name = "Agencies", description = "Agencies, their locations, users and roles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgenciesResource {

    @Inject
    TenantDirectory tenants;

    @Inject
    Users users;

    @Inject
    TenantScope scope;

    /** A new agency with its first owner. */
    public record NewAgency(String name, NewOwner owner) {
    }

    /** The first owner of a new agency. */
    public record NewOwner(String email, String password) {
    }

    /** A new user of an agency: a role in the agency, or roles in some of its locations. */
    public record NewUser(String email, String password, AgencyRole agencyRole, Map<String, LocationRole> locationRoles) {
    }

    /** A user's roles, replacing the ones they have. */
    public record RoleChange(AgencyRole agencyRole, Map<String, LocationRole> locationRoles) {
    }

    @GET
    @Requires(Permission.PLATFORM_AGENCIES)
    @Operation(operationId = "listAgencies", summary = "The platform's agencies (operator)")
    public List<Agency> agencies() {
        try (DatabaseScope operator = DatabaseScope.system("operator: agencies")) {
            return tenants.agencies();
        }
    }

    @POST
    @Requires(Permission.PLATFORM_AGENCIES)
    @Operation(operationId = "createAgency", summary = "Create an agency with its first owner (operator)")
    @APIResponse(responseCode = "201", description = "The new agency",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Agency.class)))
    @APIResponse(responseCode = "409", description = "The owner's email is taken", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @Transactional
    public Response createAgency(NewAgency request) {
        NewOwner owner = request == null || request.owner() == null ? new NewOwner(null, null) : request.owner();
        try (DatabaseScope operator = DatabaseScope.system("operator: agencies")) {
            Agency agency = tenants.createAgency(request == null ? null : request.name());
            users.create(null, AgencyId.of(agency.id()), new Users.NewUser(owner.email(), owner.password(), AgencyRole.OWNER, Map.of()),
                    false);
            return Response.status(201).entity(agency).build();
        } catch (ProblemException e) {
            throw ownerFields(e);
        }
    }

    @GET
    @Path("{agencyId}")
    @Requires(Permission.SELF)
    @Operation(operationId = "getAgency", summary = "The caller's agency, by id")
    public Agency agency(@PathParam("agencyId") String agencyId) {
        return tenants.agency(scope.agencyId()).orElseThrow();
    }

    @GET
    @Path("{agencyId}/locations")
    @Requires(Permission.SELF)
    @Operation(operationId = "listAgencyLocations", summary = "The agency's locations the caller sees")
    public List<Location> locations(@PathParam("agencyId") String agencyId) {
        return scope.user().grants().visible(tenants.locations(scope.agencyId()));
    }

    @POST
    @Path("{agencyId}/locations")
    @Requires(Permission.AGENCY_LOCATIONS)
    @Operation(operationId = "createAgencyLocation", summary = "Create a location in the agency")
    @APIResponse(responseCode = "201", description = "The new location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Location.class)))
    public Response createLocation(@PathParam("agencyId") String agencyId, AgencyResource.NewLocation request) {
        return Response.status(201).entity(tenants.createLocation(scope.agencyId(), request == null ? null : request.name()))
                .build();
    }

    @GET
    @Path("{agencyId}/users")
    @Requires(Permission.AGENCY_USERS)
    @Operation(operationId = "listUsers", summary = "The agency's users and their roles")
    public List<AgenciesView.UserView> users(@PathParam("agencyId") String agencyId) {
        return users.list(scope.agencyId()).stream().map(AgenciesView.UserView::of).toList();
    }

    @POST
    @Path("{agencyId}/users")
    @Requires(Permission.AGENCY_USERS)
    @Operation(operationId = "createUser", summary = "Create a user with a password and roles")
    @APIResponse(responseCode = "201", description = "The new user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgenciesView.UserView.class)))
    @APIResponse(responseCode = "409", description = "The email is taken", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response createUser(@PathParam("agencyId") String agencyId, NewUser request) {
        NewUser user = request == null ? new NewUser(null, null, null, null) : request;
        Users.UserSummary created = users.create(scope.user(), scope.agencyId(), new Users.NewUser(user.email(),
                user.password(), user.agencyRole(), AgenciesView.parse(user.locationRoles())), false);
        return Response.status(201).entity(AgenciesView.UserView.of(created)).build();
    }

    @GET
    @Path("{agencyId}/users/{userId}")
    @Requires(Permission.AGENCY_USERS)
    @Operation(operationId = "getUser", summary = "A user of the agency")
    public AgenciesView.UserView user(@PathParam("agencyId") String agencyId, @PathParam("userId") String userId) {
        return users.find(scope.agencyId(), Ids.parse(userId, "user")).map(AgenciesView.UserView::of)
                .orElseThrow(() -> ProblemException.notFound("user " + userId));
    }

    @PUT
    @Path("{agencyId}/users/{userId}/roles")
    @Requires(Permission.AGENCY_USERS)
    @Operation(operationId = "changeUserRoles", summary = "Replace a user's roles")
    public AgenciesView.UserView changeRoles(@PathParam("agencyId") String agencyId, @PathParam("userId") String userId,
                                             RoleChange change) {
        RoleChange roles = change == null ? new RoleChange(null, null) : change;
        return AgenciesView.UserView.of(users.changeRoles(scope.user(), scope.agencyId(), Ids.parse(userId, "user"),
                roles.agencyRole(), AgenciesView.parse(roles.locationRoles())));
    }

    /** Disables the user: they cannot sign in any more and their tokens stop working at once. */
    @POST
    @Path("{agencyId}/users/{userId}/disable")
    @Requires(Permission.AGENCY_USERS)
    @Operation(operationId = "disableUser", summary = "Disable a user and end their sessions")
    @APIResponse(responseCode = "200", description = "The disabled user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgenciesView.UserView.class)))
    @APIResponse(responseCode = "409", description = "The caller cannot disable themselves", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public AgenciesView.UserView disable(@PathParam("agencyId") String agencyId, @PathParam("userId") String userId) {
        return AgenciesView.UserView.of(users.disable(scope.user(), scope.agencyId(), Ids.parse(userId, "user")));
    }

    /** The owner's fields are under {@code /owner} in this request. */
    private static ProblemException ownerFields(ProblemException e) {
        Problem problem = e.problem();
        List<FieldError> errors = problem.errors().stream().map(error -> error.pointer() != null && !error.pointer().equals("/name")
                ? FieldError.at("/owner" + error.pointer(), error.detail()) : error).toList();
        return errors.equals(problem.errors()) ? e : ProblemException.invalid(errors);
    }
}
