package dev.switchboard.plugins.webhook;

import dev.switchboard.api.schema.Field;

/**
 * The outputs of {@code webhook.post}, which become run variables ({@code <taskId>_status}, …).
 *
 * @param values a JSON object text: each response field's pointer and the value found there (missing
 *     ones left out)
 */
public record WebhookPosted(
        @Field(title = "Status", description = "The HTTP status of the answer (2xx)") int status,
        @Field(title = "Response", description = "The answer's body, its first " + PostWebhookAction.MAX_RESPONSE_CHARS
                + " characters") String response,
        @Field(title = "Values", description = "The response fields picked by pointer, as a JSON object") String values) {
}
