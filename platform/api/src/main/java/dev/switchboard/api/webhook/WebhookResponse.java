package dev.switchboard.api.webhook;

import java.nio.charset.StandardCharsets;

/** The answer to a webhook call. Immutable. */
public final class WebhookResponse {

    private final int status;
    private final String contentType;
    private final byte[] body;

    private WebhookResponse(int status, String contentType, byte[] body) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be 200-599, was " + status);
        }
        this.status = status;
        this.contentType = contentType;
        this.body = body.clone();
    }

    /** An empty answer with this status. */
    public static WebhookResponse status(int status) {
        return new WebhookResponse(status, null, new byte[0]);
    }

    /** A JSON answer. */
    public static WebhookResponse json(int status, String json) {
        return new WebhookResponse(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A plain text answer. */
    public static WebhookResponse text(int status, String text) {
        return new WebhookResponse(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** An answer of any type (TwiML: {@code application/xml}). */
    public static WebhookResponse of(int status, String contentType, byte[] body) {
        return new WebhookResponse(status, contentType, body);
    }

    public int statusCode() {
        return status;
    }

    /** {@code null} for an empty answer. */
    public String contentType() {
        return contentType;
    }

    public byte[] body() {
        return body.clone();
    }
}
