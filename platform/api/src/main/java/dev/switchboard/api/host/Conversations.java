package dev.switchboard.api.host;

import dev.switchboard.api.PluginException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The location's conversations: the messages sent to and received from each contact, on every channel.
 * A channel plugin appends what it receives (from its webhook) and what it sent on its own.
 */
@ProviderType
public interface Conversations {

    /** Longest message body, in characters. */
    int MAX_BODY = 20_000;

    /**
     * Records a message received from the contact.
     *
     * @param channel the channel's id ({@code sms}, {@code email}); one this plugin declares
     * @param vendorId the vendor's id of the message (to find duplicates and for support), or {@code null}
     * @return the message's id
     * @throws PluginException when the contact does not exist, the channel is not this plugin's, or the body is empty or too long
     */
    String appendInbound(String contactId, String channel, String body, String vendorId) throws PluginException;

    /** Records a message the plugin sent to the contact by itself (outside the conversation's send). */
    String appendOutbound(String contactId, String channel, String body, String vendorId) throws PluginException;
}
