package dev.switchboard.host.contacts;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.crm.tasks.Task;
import dev.switchboard.core.crm.tasks.Tasks;
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

/** Tasks about a contact. A user's tasks across the location are {@link AssignedTaskResource}. */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}/contacts/{contactId}/tasks")
@Tag(name = "Tasks", description = "To-dos about contacts, for the location's users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

    @Inject
    Tasks tasks;

    @Inject
    TenantScope tenant;

    /** A page of tasks. */
    @Schema(name = "TaskPage")
    public record TaskPage(List<Task> items,
                           @Schema(description = "Pass as cursor for the next page; absent on the last page") String nextCursor) {

        static TaskPage of(Page<Task> page) {
            return new TaskPage(page.items(), page.nextCursor());
        }
    }

    @POST
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "createTask", summary = "Create a task for a contact (emits task.created)",
            description = "assignedTo is a user with access to the location; dueDate a timestamp with an offset."
                    + " A task created completed also emits task.completed.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Task.class),
            examples = @ExampleObject(name = "task", value = "{\"title\": \"Send the quote\", \"body\": \"40 seats,"
                    + " annual billing\", \"dueDate\": \"2026-12-04T17:00:00+01:00\"}")))
    @APIResponse(responseCode = "201", description = "The new task; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Task.class)))
    public Response create(@PathParam("contactId") String contactId, JsonValue body, @Context UriInfo uri) {
        Task task = tasks.create(tenant.locationId(), Ids.parse(contactId, "contact"), JsonBodies.object(body),
                tenant.user().id());
        return Response.created(uri.getAbsolutePathBuilder().path(task.id().toString()).build()).entity(task).build();
    }

    @GET
    @Operation(operationId = "listContactTasks", summary = "A contact's tasks, newest first")
    public TaskPage list(@PathParam("contactId") String contactId, @QueryParam("limit") String limit,
                         @QueryParam("cursor") String cursor) {
        return TaskPage.of(tasks.ofContact(tenant.locationId(), Ids.parse(contactId, "contact"), Paging.limit(limit), cursor));
    }

    @GET
    @Path("{taskId}")
    @Operation(operationId = "getTask", summary = "A task")
    public Task get(@PathParam("contactId") String contactId, @PathParam("taskId") String taskId) {
        return tasks.find(tenant.locationId(), Ids.parse(contactId, "contact"), Ids.parse(taskId, "task"));
    }

    @PATCH
    @Path("{taskId}")
    @Consumes({ContactResource.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "updateTask", summary = "Change a task by JSON merge patch (RFC 7396)",
            description = "completed true sets completedAt and emits task.completed; false reopens it and clears completedAt.")
    @RequestBody(content = @Content(mediaType = ContactResource.MERGE_PATCH, schema = @Schema(implementation = Task.class),
            examples = @ExampleObject(name = "complete", value = "{\"completed\": true}")))
    public Task update(@PathParam("contactId") String contactId, @PathParam("taskId") String taskId, JsonValue patch) {
        return tasks.patch(tenant.locationId(), Ids.parse(contactId, "contact"), Ids.parse(taskId, "task"),
                JsonBodies.object(patch));
    }

    @DELETE
    @Path("{taskId}")
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "deleteTask", summary = "Delete a task")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("contactId") String contactId, @PathParam("taskId") String taskId) {
        tasks.delete(tenant.locationId(), Ids.parse(contactId, "contact"), Ids.parse(taskId, "task"));
        return Response.noContent().build();
    }
}
