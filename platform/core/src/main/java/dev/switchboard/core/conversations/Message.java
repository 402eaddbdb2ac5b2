package dev.switchboard.core.conversations;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A message in a contact's conversation.
 *
 * @param direction {@code INBOUND} (from the contact) or {@code OUTBOUND}
 * @param status {@code RECEIVED}; {@code SENDING} while the channel is called, then {@code SENT} or {@code FAILED}
 *     (then {@code error} says why)
 */
public record Message(UUID id, UUID contactId, @Schema(example = "sms") String channel, String direction, String status,
                      String subject, @Schema(example = "See you at 3pm!") String body, String error,
                      @Schema(description = "The vendor's id of the message") String vendorId, String pluginId,
                      @Schema(description = "The user who sent it from the conversation") UUID sentBy,
                      OffsetDateTime createdAt) {
}
