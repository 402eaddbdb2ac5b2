package dev.switchboard.plugins.webhook;

import dev.switchboard.api.schema.Field;

/** The inputs of {@code webhook.post}; merge fields in them are rendered by the platform before the call. */
public record PostWebhookInput(
        @Field(title = "URL", required = true, format = "uri", maxLength = 2000,
                description = "Where the JSON is posted (http or https)", example = "https://example.com/hooks/crm")
        String url,
        @Field(title = "Body", multiline = true, maxLength = 100_000,
                description = "A JSON object to send; merge fields may fill its values",
                example = "{\"event\": \"lead\"}")
        String body,
        @Field(title = "Fields", multiline = true, maxLength = 20_000,
                description = "More members, one 'name=value' per line (text values, safe for merge fields)",
                example = "source=website")
        String fields,
        @Field(title = "Response fields", multiline = true, maxLength = 4000,
                description = "JSON Pointers into the answer, one per line or comma-separated, whose values become "
                        + "the step's 'values' output", example = "/id")
        String responseFields) {
}
