package dev.switchboard.host.contacts;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.crm.tasks.Tasks;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.Paging;
import dev.switchboard.host.auth.Requires;
import dev.switchboard.host.contacts.TaskResource.TaskPage;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A user's tasks across the location's contacts: what they have to do, soonest first. */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}/tasks")
@Tag(name = "Tasks")
@Produces(MediaType.APPLICATION_JSON)
public class AssignedTaskResource {

    @Inject
    Tasks tasks;

    @Inject
    TenantScope tenant;

    @GET
    @Operation(operationId = "listAssignedTasks", summary = "A user's tasks across the location's contacts, by due date",
            description = "By default the caller's open tasks. Tasks without a due date come last; tasks of deleted"
                    + " contacts are left out. Keyset paging: pass the answer's nextCursor as cursor.")
    public TaskPage list(@Parameter(description = "me (default) or a user id") @QueryParam("assignedTo") String assignedTo,
                         @Parameter(description = "false (default) for open tasks, true for completed ones")
                         @QueryParam("completed") String completed,
                         @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        UUID assignee = tenant.user().id();
        if (assignedTo != null && !assignedTo.isBlank() && !assignedTo.equals("me")) {
            try {
                assignee = UUID.fromString(assignedTo.trim());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid(FieldError.parameter("assignedTo", "assignedTo must be me or a user id"));
            }
        }
        if (completed != null && !completed.isBlank() && !completed.equals("true") && !completed.equals("false")) {
            throw ProblemException.invalid(FieldError.parameter("completed", "completed must be true or false"));
        }
        return TaskPage.of(tasks.assignedTo(tenant.locationId(), assignee, "true".equals(completed), Paging.limit(limit), cursor));
    }
}
