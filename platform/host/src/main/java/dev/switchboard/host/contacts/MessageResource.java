package dev.switchboard.host.contacts;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.conversations.Conversations;
import dev.switchboard.core.conversations.Message;
import dev.switchboard.core.paging.Page;
import dev.switchboard.core.plugins.channels.MessageSending;
import dev.switchboard.core.problems.JsonInput;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.Ids;
import dev.switchboard.host.JsonBodies;
import dev.switchboard.host.Paging;
import dev.switchboard.host.auth.Requires;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A contact's conversation: the messages on every channel, and sending on one. */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}/contacts/{contactId}/messages")
@Tag(name = "Conversations", description = "Messages with a contact on the channels plugins provide")
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {

    @Inject
    Conversations conversations;

    @Inject
    MessageSending sending;

    @Inject
    TenantScope tenant;

    /** A page of messages. */
    @Schema(name = "MessagePage")
    public record MessagePage(List<Message> items,
                              @Schema(description = "Pass as cursor for older messages; absent on the last page") String nextCursor) {
    }

    /** What to send. */
    @Schema(name = "NewMessage")
    public record NewMessage(@Schema(example = "sms", description = "A channel of GET /locations/{locationId}/channels") String channel,
                             @Schema(description = "For channels that have one") String subject,
                             @Schema(example = "See you at 3pm!", maxLength = Conversations.MAX_BODY) String body) {
    }

    @GET
    @Operation(operationId = "listMessages", summary = "A contact's messages on every channel, newest first")
    public MessagePage list(@PathParam("contactId") String contactId, @QueryParam("limit") String limit,
                            @QueryParam("cursor") String cursor) {
        Page<Message> page = conversations.list(tenant.locationId(), Ids.parse(contactId, "contact"), Paging.limit(limit),
                cursor);
        return new MessagePage(page.items(), page.nextCursor());
    }

    /** Sends through the channel's plugin; a channel that fails gives a FAILED message saying why, not an error. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "sendMessage",
            summary = "Send a message to the contact on a channel (the answer's status says SENT or FAILED and why)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewMessage.class),
            examples = @ExampleObject(name = "sms", value = "{\"channel\": \"sms\", \"body\": \"See you at 3pm!\"}")))
    @APIResponse(responseCode = "201", description = "The message as sent (SENT) or not (FAILED, with error)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Message.class)))
    public Response send(@PathParam("contactId") String contactId, JsonValue body, @Context UriInfo uri) {
        UUID contact = Ids.parse(contactId, "contact");
        Violations violations = new Violations();
        JsonInput input = JsonInput.of(JsonBodies.object(body), violations);
        String channel = input.string("channel");
        String subject = input.string("subject");
        String text = input.string("body");
        input.finish();
        violations.throwIfAny();
        Message message = sending.send(tenant.locationId(), contact, channel, subject, text, tenant.user().id());
        return Response.created(uri.getAbsolutePathBuilder().path(message.id().toString()).build()).entity(message).build();
    }
}
