package dev.switchboard.host.contacts;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.host.auth.Requires;
import dev.switchboard.core.crm.contacts.Contact;
import dev.switchboard.core.crm.contacts.Contacts;
import dev.switchboard.core.crm.contacts.NewContact;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.Ids;
import dev.switchboard.host.Paging;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Contacts of a location. */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}/contacts")
@Tag(name = "Contacts", description = "Contacts of a location")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactResource {

    @Inject
    Contacts contacts;

    @Inject
    TenantScope tenant;

    /** Body of "add a tag". */
    public record TagRequest(String tag) {
    }

    @POST
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "createContact", summary = "Create a contact")
    @APIResponse(responseCode = "201", description = "The new contact; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Contact.class)))
    public Response create(NewContact request, @jakarta.ws.rs.core.Context UriInfo uri) {
        if (request == null) {
            throw ProblemException.badRequest("the request body is empty; send a JSON object with firstName, lastName, email or tags");
        }
        Contact contact = contacts.create(tenant.locationId(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(contact.id().toString()).build()).entity(contact).build();
    }

    @Operation(operationId = "listContacts", summary = "The location's contacts")
    @GET
    public List<Contact> list(@QueryParam("limit") String limit) {
        return contacts.list(tenant.locationId(), Paging.limit(limit));
    }

    @Operation(operationId = "getContact", summary = "A contact")
    @GET
    @Path("{contactId}")
    public Contact get(@PathParam("contactId") String contactId) {
        return contacts.find(tenant.locationId(), Ids.parse(contactId, "contact"))
                .orElseThrow(() -> ProblemException.notFound("contact " + contactId));
    }

    @Requires(Permission.LOCATION_CONTACTS)
    @POST
    @Path("{contactId}/tags")
    @Operation(operationId = "tagContact", summary = "Add a tag to a contact (workflows may start)")
    public Contact addTag(@PathParam("contactId") String contactId, TagRequest request) {
        if (request == null || request.tag() == null) {
            throw ProblemException.invalid(FieldError.field("tag", "required: send {\"tag\": \"…\"}"));
        }
        return contacts.addTag(tenant.locationId(), Ids.parse(contactId, "contact"), request.tag());
    }
}
