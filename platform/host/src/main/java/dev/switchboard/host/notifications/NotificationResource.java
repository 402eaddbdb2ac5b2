package dev.switchboard.host.notifications;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.notifications.Notification;
import dev.switchboard.core.notifications.Notifications;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.Ids;
import dev.switchboard.host.Paging;
import dev.switchboard.host.auth.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's notifications in a location: what workflows told them, newest first, until read. */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}/notifications")
@Tag(name = "Notifications", description = "Internal notifications that workflows send to a location's users")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    @Inject
    Notifications notifications;

    @Inject
    TenantScope tenant;

    /** A page of the caller's notifications and how many are unread. */
    @Schema(name = "NotificationList")
    public record NotificationList(List<Notification> items, long unread) {
    }

    /** How many notifications were marked read. */
    @Schema(name = "NotificationsRead")
    public record NotificationsRead(int read) {
    }

    @GET
    @Operation(operationId = "listNotifications", summary = "The caller's notifications, newest first, with the unread count")
    public NotificationList list(@Parameter(description = "true for unread ones only") @QueryParam("unread") String unread,
                                 @Parameter(description = "how many (default 50; at most 100 are answered)") @QueryParam("limit") String limit) {
        if (unread != null && !unread.isBlank() && !unread.equals("true") && !unread.equals("false")) {
            throw ProblemException.invalid(FieldError.parameter("unread", "unread must be true or false"));
        }
        int count = Math.min(Paging.limit(limit), Notifications.MAX_LIST);
        return new NotificationList(notifications.of(tenant.locationId(), tenant.user().id(), "true".equals(unread), count),
                notifications.unread(tenant.locationId(), tenant.user().id()));
    }

    @POST
    @Path("{notificationId}/read")
    @Operation(operationId = "readNotification", summary = "Mark one of the caller's notifications read")
    public Notification read(@PathParam("notificationId") String notificationId) {
        return notifications.markRead(tenant.locationId(), tenant.user().id(), Ids.parse(notificationId, "notification"));
    }

    @POST
    @Path("read")
    @Operation(operationId = "readAllNotifications", summary = "Mark all of the caller's notifications read")
    public NotificationsRead readAll() {
        return new NotificationsRead(notifications.markAllRead(tenant.locationId(), tenant.user().id()));
    }
}
