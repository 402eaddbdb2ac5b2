package dev.switchboard.host.contacts;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.crm.Actor;
import dev.switchboard.core.crm.contacts.Contact;
import dev.switchboard.core.crm.contacts.ContactMerge;
import dev.switchboard.core.crm.contacts.ContactMerges;
import dev.switchboard.core.crm.contacts.ContactQuery;
import dev.switchboard.core.crm.contacts.ContactSearch;
import dev.switchboard.core.crm.contacts.Contacts;
import dev.switchboard.core.crm.history.Timeline;
import dev.switchboard.core.crm.history.TimelineItem;
import dev.switchboard.core.paging.Page;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.Ids;
import dev.switchboard.host.JsonBodies;
import dev.switchboard.host.Paging;
import dev.switchboard.host.auth.Requires;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Contacts of a location. */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}/contacts")
@Tag(name = "Contacts", description = "Contacts of a location")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String CONTACT_EXAMPLE = """
            {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com", "phone": "(415) 555-0123",
             "tags": ["lead", "webinar"], "source": "webinar", "dndSettings": {"sms": true},
             "customFields": {"budget": 5000}}""";

    @Inject
    Contacts contacts;

    @Inject
    ContactSearch search;

    @Inject
    ContactMerges merges;

    @Inject
    Timeline timeline;

    @Inject
    TenantScope tenant;

    /** Body of "add a tag". */
    public record TagRequest(@Schema(example = "vip") String tag) {
    }

    /** Body of "merge a duplicate into this contact". */
    public record MergeRequest(@Schema(description = "The contact merged into this one and then deleted") String duplicateId) {
    }

    /** A page of contacts. */
    @Schema(name = "ContactPage")
    public record ContactPage(List<Contact> items,
                              @Schema(description = "Pass as cursor for the next page; absent on the last page")
                              String nextCursor) {
    }

    @POST
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "createContact", summary = "Create a contact, or update the one it duplicates",
            description = "Phones are normalised to E.164 (numbers without a + belong to the location's country)."
                    + " When the location's duplicate policy finds a contact with the same email or phone, that"
                    + " contact is updated instead (its tags and custom values are added to) and the answer is 200.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Contact.class),
            examples = @ExampleObject(name = "contact", value = CONTACT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The new contact; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Contact.class)))
    @APIResponse(responseCode = "200", description = "An existing contact matched the duplicate policy and was updated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Contact.class)))
    public Response create(JsonValue body, @Context UriInfo uri) {
        Contacts.Upserted upserted = contacts.create(tenant.locationId(), JsonBodies.object(body), actor());
        Contact contact = upserted.contact();
        if (!upserted.created()) {
            return Response.ok(contact).header("Content-Location", uri.getAbsolutePathBuilder().path(contact.id().toString()).build())
                    .build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(contact.id().toString()).build()).entity(contact).build();
    }

    @GET
    @Operation(operationId = "listContacts", summary = "The location's contacts: search, filter, sort, page",
            description = "Keyset paging: pass the answer's nextCursor as cursor for the next page.")
    public ContactPage list(
            @Parameter(description = "Words of names, emails, phone or company (prefix match)") @QueryParam("query") String query,
            @Parameter(description = "Contacts having every tag given (repeat the parameter)") @QueryParam("tag") List<String> tags,
            @Parameter(description = "User id of the assignee") @QueryParam("assignedTo") String assignedTo,
            @Parameter(description = "createdAt (default), updatedAt, name or email") @QueryParam("sort") String sort,
            @Parameter(description = "asc or desc (default)") @QueryParam("order") String order,
            @Parameter(description = "true lists the deleted contacts that can still be restored") @QueryParam("deleted") String deleted,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        UUID assignee = null;
        if (assignedTo != null && !assignedTo.isBlank()) {
            try {
                assignee = UUID.fromString(assignedTo.trim());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid(FieldError.parameter("assignedTo", "assignedTo must be a user id"));
            }
        }
        if (order != null && !order.isBlank() && !order.equals("asc") && !order.equals("desc")) {
            throw ProblemException.invalid(FieldError.parameter("order", "order must be asc or desc"));
        }
        if (deleted != null && !deleted.isBlank() && !deleted.equals("true") && !deleted.equals("false")) {
            throw ProblemException.invalid(FieldError.parameter("deleted", "deleted must be true or false"));
        }
        Page<Contact> page = search.list(tenant.locationId(), new ContactQuery(query, tags, assignee, sort,
                "asc".equals(order), Paging.limit(limit), cursor, "true".equals(deleted)));
        return new ContactPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("{contactId}")
    @Operation(operationId = "getContact", summary = "A contact (also a deleted one, with deletedAt)")
    public Contact get(@PathParam("contactId") String contactId) {
        return contacts.findAny(tenant.locationId(), Ids.parse(contactId, "contact"))
                .orElseThrow(() -> ProblemException.notFound("contact " + contactId));
    }

    @PATCH
    @Path("{contactId}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "updateContact", summary = "Change a contact by JSON merge patch (RFC 7396)",
            description = "Members given are set, null clears them, absent ones stay. customFields merges by key"
                    + " (null clears a value); arrays such as tags are replaced whole.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = Contact.class),
            examples = @ExampleObject(name = "patch", value = "{\"phone\": \"+44 20 7946 0958\","
                    + " \"customFields\": {\"budget\": 7500}}")))
    public Contact update(@PathParam("contactId") String contactId, JsonValue patch) {
        return contacts.patch(tenant.locationId(), Ids.parse(contactId, "contact"), JsonBodies.object(patch), actor());
    }

    @DELETE
    @Path("{contactId}")
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "deleteContact", summary = "Delete a contact (restorable for 30 days, then purged)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("contactId") String contactId) {
        contacts.delete(tenant.locationId(), Ids.parse(contactId, "contact"), actor());
        return Response.noContent().build();
    }

    @POST
    @Path("{contactId}/restore")
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "restoreContact", summary = "Restore a deleted contact")
    public Contact restore(@PathParam("contactId") String contactId) {
        return contacts.restore(tenant.locationId(), Ids.parse(contactId, "contact"), actor());
    }

    @Requires(Permission.LOCATION_CONTACTS)
    @POST
    @Path("{contactId}/tags")
    @Operation(operationId = "tagContact", summary = "Add a tag to a contact (workflows may start)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TagRequest.class),
            examples = @ExampleObject(name = "tag", value = "{\"tag\": \"vip\"}")))
    public Contact addTag(@PathParam("contactId") String contactId, TagRequest request) {
        if (request == null || request.tag() == null) {
            throw ProblemException.invalid(FieldError.field("tag", "required: send {\"tag\": \"…\"}"));
        }
        return contacts.addTag(tenant.locationId(), Ids.parse(contactId, "contact"), request.tag(), actor());
    }

    @Requires(Permission.LOCATION_CONTACTS)
    @DELETE
    @Path("{contactId}/tags/{tag}")
    @Operation(operationId = "untagContact", summary = "Remove a tag from a contact")
    public Contact removeTag(@PathParam("contactId") String contactId, @PathParam("tag") String tag) {
        return contacts.removeTag(tenant.locationId(), Ids.parse(contactId, "contact"), tag, actor());
    }

    @Requires(Permission.LOCATION_CONTACTS)
    @POST
    @Path("{contactId}/merge")
    @Operation(operationId = "mergeContact", summary = "Merge a duplicate into this contact",
            description = "This contact keeps its values and gains the duplicate's where it has none, its tags, custom"
                    + " values, notes, tasks, opportunities, workflow runs and history; the duplicate is deleted.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MergeRequest.class),
            examples = @ExampleObject(name = "merge", value = "{\"duplicateId\": \"6f1f3a52-0c3e-4d8a-9b7e-2a1d5c4e9f10\"}")))
    public ContactMerge merge(@PathParam("contactId") String contactId, MergeRequest request) {
        if (request == null || request.duplicateId() == null || request.duplicateId().isBlank()) {
            throw ProblemException.invalid(FieldError.field("duplicateId", "required: the id of the duplicate contact"));
        }
        UUID duplicate;
        try {
            duplicate = UUID.fromString(request.duplicateId().trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(FieldError.field("duplicateId", "duplicateId must be a contact id"));
        }
        return merges.merge(tenant.locationId(), Ids.parse(contactId, "contact"), duplicate, actor());
    }

    @GET
    @Path("{contactId}/merges")
    @Operation(operationId = "listContactMerges", summary = "The duplicates merged into a contact, newest first")
    public List<ContactMerge> merges(@PathParam("contactId") String contactId) {
        UUID id = Ids.parse(contactId, "contact");
        get(contactId);
        return merges.merges(tenant.locationId(), id);
    }

    /** A page of a contact's timeline. */
    @Schema(name = "TimelinePage")
    public record TimelinePage(List<TimelineItem> items,
                               @Schema(description = "Pass as cursor for older entries; absent at the end") String nextCursor) {
    }

    @GET
    @Path("{contactId}/timeline")
    @Operation(operationId = "getContactTimeline", summary = "A contact's timeline, newest first",
            description = "Field changes (by whom: a user, a workflow, a plugin or the platform), notes, tasks,"
                    + " opportunities, workflow runs and merges.")
    public TimelinePage timeline(@PathParam("contactId") String contactId, @QueryParam("limit") String limit,
                                 @QueryParam("cursor") String cursor) {
        UUID id = Ids.parse(contactId, "contact");
        get(contactId);
        Page<TimelineItem> page = timeline.of(tenant.locationId(), id, Paging.limit(limit), cursor);
        return new TimelinePage(page.items(), page.nextCursor());
    }

    private Actor actor() {
        return Actor.user(tenant.user().id());
    }

}
