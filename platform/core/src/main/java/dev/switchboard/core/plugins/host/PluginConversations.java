package dev.switchboard.core.plugins.host;

import dev.switchboard.api.PluginException;
import dev.switchboard.api.channel.MessagingChannel;
import dev.switchboard.core.conversations.Conversations;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.plugins.registry.ExtensionRegistry;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.tenancy.LocationId;
import java.util.UUID;

/** The conversations service as a plugin sees it: it appends messages on the channels it declares, in its location. */
final class PluginConversations implements dev.switchboard.api.host.Conversations {

    private final Conversations conversations;
    private final ExtensionRegistry registry;
    private final LocationId locationId;
    private final String pluginId;

    PluginConversations(Conversations conversations, ExtensionRegistry registry, LocationId locationId, String pluginId) {
        this.conversations = conversations;
        this.registry = registry;
        this.locationId = locationId;
        this.pluginId = pluginId;
    }

    @Override
    public String appendInbound(String contactId, String channel, String body, String vendorId) throws PluginException {
        return append(contactId, channel, body, vendorId, "INBOUND", "RECEIVED");
    }

    @Override
    public String appendOutbound(String contactId, String channel, String body, String vendorId) throws PluginException {
        return append(contactId, channel, body, vendorId, "OUTBOUND", "SENT");
    }

    private String append(String contactId, String channel, String body, String vendorId, String direction,
                          String status) throws PluginException {
        boolean declared = registry.generation(pluginId).stream().flatMap(generation -> generation.extensions().stream())
                .anyMatch(extension -> extension.point() == MessagingChannel.class && extension.key().equals(channel));
        if (!declared) {
            throw new PluginException("channel '" + channel + "' is not declared by plugin " + pluginId);
        }
        if (body == null || body.isBlank() || body.length() > MAX_BODY || Texts.unstorable(body) != null) {
            throw new PluginException("a message body must be 1 to " + MAX_BODY + " characters of text");
        }
        UUID contact;
        try {
            contact = UUID.fromString(contactId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PluginException("no contact " + contactId);
        }
        String vendor = vendorId == null ? null : vendorId.substring(0, Math.min(vendorId.length(), 500));
        try (DatabaseScope scope = DatabaseScope.location(locationId.value())) {
            return conversations.append(locationId, new Conversations.Draft(contact, channel, direction, status, null,
                    body, null, vendor, pluginId, null)).id().toString();
        } catch (ProblemException e) {
            throw new PluginException(e.problem().detail() == null ? e.problem().title() : e.problem().detail());
        }
    }
}
