package dev.switchboard.plugins.email;

import dev.switchboard.api.schema.Field;

/** The inputs of {@code email.send}. */
public record EmailInput(
        @Field(title = "To", description = "Defaults to the contact's email", maxLength = 320) String to,
        @Field(title = "Subject", required = true, maxLength = 998) String subject,
        @Field(title = "Body", required = true, multiline = true, maxLength = 100_000) String body) {
}
