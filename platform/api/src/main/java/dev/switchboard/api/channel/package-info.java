/**
 * Messaging channels: how the platform sends a message to a contact on a channel a plugin provides
 * (SMS, WhatsApp, email …). A user writes in the contact's conversation; the platform calls the
 * channel's {@link dev.switchboard.api.channel.MessagingChannel#send}, records the outcome, and shows
 * it in the conversation. Messages come back through the plugin's webhook handler, which appends them
 * with {@code context.conversations().appendInbound(…)}.
 *
 * <pre>{@code
 * @Extension
 * @Channel(id = "sms", name = "SMS")
 * public final class Sms implements MessagingChannel {
 *     public String send(OutboundMessage message, LocationContext context) throws PluginException {
 *         String to = message.contact().phone();
 *         return vendor.send(to, message.body(), message.idempotencyKey()); // the vendor's message id
 *     }
 * }
 * }</pre>
 */
@Version("1.0.0")
package dev.switchboard.api.channel;

import org.osgi.annotation.versioning.Version;
