package dev.switchboard.plugins.email;

/**
 * One message to send.
 *
 * @param idempotencyKey stable across retries of the same step; sent as a header so receivers and
 *     support can tell a retried delivery from a new one
 */
record OutgoingEmail(String to, String subject, String body, String idempotencyKey) {
}
