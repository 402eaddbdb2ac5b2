package dev.switchboard.plugins.email;

import dev.switchboard.api.schema.Field;

/** The outputs of {@code email.send}: they become run variables. */
public record EmailSent(
        @Field(title = "Message-ID") String messageId,
        @Field(title = "Recipient") String to) {
}
