package dev.switchboard.api.channel;

import dev.switchboard.api.ExtensionPoint;
import dev.switchboard.api.PluginException;
import dev.switchboard.api.host.LocationContext;
import org.osgi.annotation.versioning.ConsumerType;

/** Sends messages on one channel. One instance serves every location, concurrently. */
@ConsumerType
@ExtensionPoint(descriptor = Channel.class)
public interface MessagingChannel {

    /**
     * Sends one message.
     *
     * @return the vendor's id of the message
     * @throws PluginException when it was not sent; the message is recorded as failed with this reason
     */
    String send(OutboundMessage message, LocationContext context) throws PluginException;
}
