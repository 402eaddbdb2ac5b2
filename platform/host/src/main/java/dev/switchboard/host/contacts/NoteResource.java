package dev.switchboard.host.contacts;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.crm.notes.Note;
import dev.switchboard.core.crm.notes.Notes;
import dev.switchboard.core.paging.Page;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Notes on a contact. */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}/contacts/{contactId}/notes")
@Tag(name = "Notes", description = "Notes users write on a contact")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoteResource {

    private static final String NOTE_EXAMPLE = "{\"body\": \"Called: wants a quote for 40 seats by Friday.\"}";

    @Inject
    Notes notes;

    @Inject
    TenantScope tenant;

    /** A page of notes. */
    @Schema(name = "NotePage")
    public record NotePage(List<Note> items,
                           @Schema(description = "Pass as cursor for older notes; absent on the last page") String nextCursor) {
    }

    @POST
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "createNote", summary = "Write a note on a contact (emits note.created)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Note.class),
            examples = @ExampleObject(name = "note", value = NOTE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The new note; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Note.class)))
    public Response create(@PathParam("contactId") String contactId, JsonValue body, @Context UriInfo uri) {
        Note note = notes.create(tenant.locationId(), Ids.parse(contactId, "contact"), JsonBodies.object(body),
                tenant.user().id());
        return Response.created(uri.getAbsolutePathBuilder().path(note.id().toString()).build()).entity(note).build();
    }

    @GET
    @Operation(operationId = "listNotes", summary = "A contact's notes, newest first")
    public NotePage list(@PathParam("contactId") String contactId, @QueryParam("limit") String limit,
                         @QueryParam("cursor") String cursor) {
        Page<Note> page = notes.list(tenant.locationId(), Ids.parse(contactId, "contact"), Paging.limit(limit), cursor);
        return new NotePage(page.items(), page.nextCursor());
    }

    @GET
    @Path("{noteId}")
    @Operation(operationId = "getNote", summary = "A note")
    public Note get(@PathParam("contactId") String contactId, @PathParam("noteId") String noteId) {
        return notes.find(tenant.locationId(), Ids.parse(contactId, "contact"), Ids.parse(noteId, "note"));
    }

    @PATCH
    @Path("{noteId}")
    @Consumes({ContactResource.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "updateNote", summary = "Change a note's body (JSON merge patch)")
    @RequestBody(content = @Content(mediaType = ContactResource.MERGE_PATCH, schema = @Schema(implementation = Note.class),
            examples = @ExampleObject(name = "patch", value = NOTE_EXAMPLE)))
    public Note update(@PathParam("contactId") String contactId, @PathParam("noteId") String noteId, JsonValue patch) {
        return notes.patch(tenant.locationId(), Ids.parse(contactId, "contact"), Ids.parse(noteId, "note"),
                JsonBodies.object(patch));
    }

    @DELETE
    @Path("{noteId}")
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "deleteNote", summary = "Delete a note")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("contactId") String contactId, @PathParam("noteId") String noteId) {
        notes.delete(tenant.locationId(), Ids.parse(contactId, "contact"), Ids.parse(noteId, "note"));
        return Response.noContent().build();
    }
}
