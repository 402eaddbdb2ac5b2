package dev.switchboard.host.contacts;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.plugins.channels.MessageSending;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.auth.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The channels the location's plugins provide for conversations. */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}/channels")
@Tag(name = "Conversations", description = "Messages with a contact on the channels plugins provide")
@Produces(MediaType.APPLICATION_JSON)
public class ChannelResource {

    @Inject
    MessageSending sending;

    @Inject
    TenantScope tenant;

    @GET
    @Operation(operationId = "listChannels", summary = "The channels messages can be sent on in the location")
    public List<MessageSending.ChannelInfo> list() {
        return sending.channels(tenant.locationId());
    }
}
