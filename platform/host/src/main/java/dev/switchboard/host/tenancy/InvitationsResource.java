package dev.switchboard.host.tenancy;

import dev.switchboard.core.auth.AgencyRole;
import dev.switchboard.core.auth.Invitations;
import dev.switchboard.core.auth.LocationRole;
import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.Ids;
import dev.switchboard.host.auth.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An agency's invitations: who was invited with which roles, and whether they accepted. The
 * invitation's link (its token) is in the answer that creates it, and nowhere else.
 */
@Path("/agencies/{agencyId}/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Requires(Permission.AGENCY_USERS)
@Tag(name = "Invitations", description = "Invitations to an agency")
public class InvitationsResource {

    @Inject
    Invitations invitations;

    @Inject
    TenantScope scope;

    /** Whom to invite, with the roles they will have. */
    public record NewInvitation(String email, AgencyRole agencyRole, Map<String, LocationRole> locationRoles) {
    }

    /**
     * An invitation.
     *
     * @param status PENDING, ACCEPTED, REVOKED or EXPIRED
     * @param token only when just created: hand it (or {@code acceptPath}) to the invitee
     * @param acceptPath where the console accepts it: {@code /?invitation=<token>}
     */
    @Schema(name = "Invitation")
    public record InvitationView(UUID id, String email, AgencyRole agencyRole, Map<String, LocationRole> locationRoles,
                                 String status, OffsetDateTime createdAt, OffsetDateTime expiresAt, String token,
                                 String acceptPath) {

        static InvitationView of(Invitations.Invitation invitation) {
            return new InvitationView(invitation.id(), invitation.email(), invitation.agencyRole(),
                    AgenciesView.byId(invitation.locationRoles()), invitation.status(), invitation.createdAt(),
                    invitation.expiresAt(), invitation.token(),
                    invitation.token() == null ? null : "/?invitation=" + invitation.token());
        }
    }

    @Operation(operationId = "listInvitations", summary = "The agency's invitations (without their tokens)")
    @GET
    public List<InvitationView> list(@PathParam("agencyId") String agencyId) {
        return invitations.list(scope.agencyId()).stream().map(InvitationView::of).toList();
    }

    @Operation(operationId = "invite", summary = "Invite someone by email with roles; the answer holds the link, once")
    @APIResponse(responseCode = "201", description = "The invitation, with its token and acceptPath",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationView.class)))
    @POST
    public Response invite(@PathParam("agencyId") String agencyId, NewInvitation request) {
        NewInvitation invitation = request == null ? new NewInvitation(null, null, null) : request;
        return Response.status(201).entity(InvitationView.of(invitations.invite(scope.user(), scope.agencyId(),
                invitation.email(), invitation.agencyRole(), AgenciesView.parse(invitation.locationRoles())))).build();
    }

    /** Revokes a pending invitation; its link stops working. */
    @Operation(operationId = "revokeInvitation", summary = "Revoke a pending invitation")
    @DELETE
    @Path("{invitationId}")
    public InvitationView revoke(@PathParam("agencyId") String agencyId, @PathParam("invitationId") String invitationId) {
        return InvitationView.of(invitations.revoke(scope.agencyId(), Ids.parse(invitationId, "invitation")));
    }

}
