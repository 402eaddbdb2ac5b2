package dev.switchboard.core.plugins.channels;

import dev.switchboard.api.channel.Channel;
import dev.switchboard.api.channel.MessagingChannel;
import dev.switchboard.api.channel.OutboundMessage;
import dev.switchboard.api.host.Contact;
import dev.switchboard.api.host.LocationContext;
import dev.switchboard.core.conversations.Conversations;
import dev.switchboard.core.conversations.Message;
import dev.switchboard.core.plugins.PluginCalls;
import dev.switchboard.core.plugins.Plugins;
import dev.switchboard.core.plugins.host.LocationServices;
import dev.switchboard.core.plugins.host.StepLines;
import dev.switchboard.core.plugins.locations.PluginLocations;
import dev.switchboard.core.plugins.registry.Extension;
import dev.switchboard.core.plugins.registry.ExtensionRegistry.Lease;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends a message from a contact's conversation through the channel a plugin provides: the message is
 * recorded first ({@code SENDING}), the channel is called within its time limit and its plugin's
 * concurrency limit, and the outcome is recorded ({@code SENT} with the vendor's id, or {@code FAILED}
 * with the reason). A channel that fails never fails the request: the message says what happened.
 */
@ApplicationScoped
public class MessageSending {

    private static final Logger LOG = Logger.getLogger(MessageSending.class.getName());

    @Inject
    Conversations conversations;

    @Inject
    Plugins plugins;

    @Inject
    PluginLocations locations;

    @Inject
    PluginCalls calls;

    @Inject
    LocationServices services;

    /** The channels users can send on in the location. */
    public List<ChannelInfo> channels(LocationId locationId) {
        return plugins.registry().extensions(MessagingChannel.class).stream()
                .filter(extension -> locations.isEnabled(locationId, extension.pluginId()))
                .map(extension -> new ChannelInfo(extension.key(), extension.descriptor(Channel.class).name(),
                        extension.pluginId()))
                .sorted(java.util.Comparator.comparing(ChannelInfo::id)).toList();
    }

    /** A channel as the conversation offers it. */
    public record ChannelInfo(String id, String name, String pluginId) {
    }

    public Message send(LocationId locationId, UUID contactId, String channelId, String subject, String body, UUID userId) {
        Violations errors = new Violations();
        if (channelId == null || channelId.isBlank()) {
            errors.field("channel", "required");
        }
        if (body == null || body.isBlank()) {
            errors.field("body", "required");
        } else {
            Texts.check(body, FieldError.field("body", "").pointer(), Conversations.MAX_BODY, errors);
        }
        String cleanSubject = Texts.optional(subject, FieldError.field("subject", "").pointer(), Conversations.MAX_SUBJECT,
                errors);
        errors.throwIfAny();
        Extension channel = plugins.registry().extensions(MessagingChannel.class).stream()
                .filter(extension -> extension.key().equals(channelId)).findFirst()
                .filter(extension -> locations.isEnabled(locationId, extension.pluginId()))
                .orElseThrow(() -> ProblemException.invalid(FieldError.field("channel", "no plugin active in this "
                        + "location provides channel " + Texts.quote(channelId) + "; channels: "
                        + channels(locationId).stream().map(ChannelInfo::id).toList())));
        LocationContext context = services.context(locationId, channel.pluginId(), channel.pluginVersion(),
                new StepLines(channel.pluginId()));
        Contact contact = context.contacts().get(contactId.toString())
                .orElseThrow(() -> ProblemException.notFound("contact " + contactId));
        Message pending = conversations.append(locationId, new Conversations.Draft(contactId, channelId, "OUTBOUND",
                "SENDING", cleanSubject, body, null, null, channel.pluginId(), userId));
        Optional<Lease<MessagingChannel>> leased = plugins.registry().lease(MessagingChannel.class, channelId);
        if (leased.isEmpty()) {
            return conversations.settle(locationId, pending.id(), "FAILED", null, "channel " + channelId
                    + " was removed while the message was sent");
        }
        try (Lease<MessagingChannel> lease = leased.get()) {
            int seconds = lease.extension().descriptor(Channel.class).timeoutSeconds();
            Duration limit = seconds > 0 ? Duration.ofSeconds(seconds) : calls.defaultActionTimeout();
            Outbound outbound = new Outbound(pending.id().toString(), contact, body, Optional.ofNullable(cleanSubject));
            String vendorId = calls.call(channel.pluginId(), limit, () -> lease.instance().send(outbound, context));
            return conversations.settle(locationId, pending.id(), "SENT", vendorId, null);
        } catch (PluginCalls.Busy | PluginCalls.TimedOut e) {
            return conversations.settle(locationId, pending.id(), "FAILED", null, e.getMessage());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (!(cause instanceof dev.switchboard.api.PluginException)) {
                LOG.log(Level.WARNING, "Channel " + channelId + " of plugin " + channel.pluginId() + " failed", cause);
            }
            String reason = cause instanceof dev.switchboard.api.PluginException && cause.getMessage() != null
                    ? cause.getMessage() : "plugin " + channel.pluginId() + " failed: " + cause;
            return conversations.settle(locationId, pending.id(), "FAILED", null, reason);
        }
    }

    /** The message as the channel sees it; the message id is the idempotency key of every attempt. */
    private record Outbound(String messageId, Contact contact, String body, Optional<String> subject)
            implements OutboundMessage {

        @Override
        public String idempotencyKey() {
            return messageId;
        }
    }
}
