package dev.switchboard.plugins.webhook;

import dev.switchboard.api.PluginException;
import dev.switchboard.api.host.Contact;
import dev.switchboard.api.host.LocationContext;
import dev.switchboard.api.webhook.Webhook;
import dev.switchboard.api.webhook.WebhookContext;
import dev.switchboard.api.webhook.WebhookHandler;
import dev.switchboard.api.webhook.WebhookRequest;
import dev.switchboard.api.webhook.WebhookResponse;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * {@code POST /api/v1/hooks/dev.switchboard.plugins.webhook/inbound/{locationId}}: a signed JSON object
 * for a location becomes a {@code webhook.received} event, which starts its workflows. The signature is
 * checked before anything else is read (401); then the body must be a JSON object (400). An
 * {@code email} member (top-level or under {@code contact}) of an existing contact makes the event that
 * contact's. A top-level {@code id} is remembered, so a vendor's retry of one delivery starts nothing
 * twice.
 */
@Extension
@Webhook(path = "inbound", name = "Inbound JSON", maxBodyBytes = InboundWebhook.MAX_BODY_BYTES, timeoutSeconds = 10,
        description = "Signed JSON objects that start the location's webhook.received workflows")
public final class InboundWebhook implements WebhookHandler {

    static final int MAX_BODY_BYTES = 64 * 1024;
    static final String EVENT = "webhook.received";
    /** The collection of delivery ids already turned into events. */
    static final String DELIVERIES = "deliveries";
    private static final int MAX_ID = 200;

    @Override
    public WebhookResponse handle(WebhookRequest request, WebhookContext context) throws PluginException {
        if (!request.method().equals("POST")) {
            return WebhookResponse.json(405, "{\"error\": \"POST a JSON object\"}");
        }
        if (request.pathSegments().size() != 1) {
            return WebhookResponse.json(404, "{\"error\": \"the URL ends with /inbound/{locationId}\"}");
        }
        LocationContext location = context.location(request.pathSegments().get(0));
        String secret = location.settings().as(WebhookSettings.class).signingSecret();
        byte[] body = request.body();
        if (!WebhookSignature.verify(secret, body, request.header(WebhookSignature.HEADER).orElse(null))) {
            location.log().warn("inbound webhook refused: the signature does not match");
            return WebhookResponse.json(401, "{\"error\": \"the " + WebhookSignature.HEADER + " header does not match "
                    + "the body\"}");
        }
        String text = request.bodyText();
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (Json.Malformed e) {
            return WebhookResponse.json(400, Json.write(Map.of("error", "the body is not JSON: " + e.getMessage())));
        }
        if (!(parsed instanceof Map<?, ?> object)) {
            return WebhookResponse.json(400, "{\"error\": \"the body must be a JSON object\"}");
        }
        Optional<String> deliveryId = deliveryId(object);
        if (deliveryId.isPresent() && location.documents().get(DELIVERIES, deliveryId.get()).isPresent()) {
            return WebhookResponse.json(200, Json.write(Map.of("duplicate", true)));
        }
        String email = email(object);
        Optional<Contact> contact = email == null ? Optional.empty() : location.contacts().findByEmail(email);
        Map<String, String> payload = new LinkedHashMap<>();
        if (email != null) {
            payload.put("contactEmail", email);
        }
        deliveryId.ifPresent(id -> payload.put("deliveryId", id));
        payload.put("body", text);
        String eventId = location.events().emit(EVENT, contact.map(Contact::id).orElse(null), payload);
        if (deliveryId.isPresent()) {
            location.documents().put(DELIVERIES, deliveryId.get(), Json.write(Map.of("eventId", eventId)));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("eventId", eventId);
        contact.ifPresent(found -> answer.put("contactId", found.id()));
        return WebhookResponse.json(202, Json.write(answer));
    }

    private static Optional<String> deliveryId(Map<?, ?> object) {
        Object id = object.get("id");
        String text = id instanceof String string ? string : id instanceof BigDecimal number ? number.toPlainString() : null;
        return Optional.ofNullable(text).filter(value -> !value.isBlank() && value.length() <= MAX_ID);
    }

    private static String email(Map<?, ?> object) {
        Object email = object.get("email");
        if (!(email instanceof String) && object.get("contact") instanceof Map<?, ?> contact) {
            email = contact.get("email");
        }
        return email instanceof String text && text.contains("@") && text.length() <= 320 ? text.trim() : null;
    }
}
