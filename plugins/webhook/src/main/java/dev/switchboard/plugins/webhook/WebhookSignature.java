package dev.switchboard.plugins.webhook;

import dev.switchboard.api.webhook.Signatures;

/**
 * The signature of a webhook body, in and out: header {@value #HEADER} with {@code sha256=} and the
 * lower-case hex HMAC-SHA256 of the raw body under the location's signing secret.
 */
final class WebhookSignature {

    static final String HEADER = "X-Switchboard-Signature";

    private WebhookSignature() {
    }

    static String sign(String secret, byte[] body) {
        return "sha256=" + Signatures.hmacSha256Hex(secret, body);
    }

    static boolean verify(String secret, byte[] body, String header) {
        return header != null && !header.isBlank() && Signatures.verifyHmacSha256Hex(secret, body, header);
    }
}
