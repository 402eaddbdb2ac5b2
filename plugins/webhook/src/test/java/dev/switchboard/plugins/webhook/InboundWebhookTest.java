package dev.switchboard.plugins.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.webhook.Signatures;
import dev.switchboard.api.webhook.WebhookResponse;
import dev.switchboard.testkit.InMemoryEvents.Emitted;
import dev.switchboard.testkit.TestActionContext;
import dev.switchboard.testkit.TestContact;
import dev.switchboard.testkit.TestWebhookContext;
import dev.switchboard.testkit.TestWebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboundWebhookTest {

    private static final String SECRET = "s3cret-of-the-location";

    private final TestActionContext shop = TestActionContext.of(Map.of()).withLocationId("loc-1")
            .withSettings(Map.of("signingSecret", SECRET)).withTriggers(WebhookReceivedTrigger.class)
            .withContacts(new TestContact("c-1", "Ada", "Lovelace", "ada@example.com"));
    private final TestWebhookContext host = new TestWebhookContext().withLocation(shop);

    private WebhookResponse post(String location, String body, String signature) {
        TestWebhookRequest request = TestWebhookRequest.post(body).path(location);
        return host.call(new InboundWebhook(), signature == null ? request
                : request.header("X-Switchboard-Signature", signature));
    }

    private static String sign(String body) {
        return "sha256=" + Signatures.hmacSha256Hex(SECRET, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSignedObjectNamingAContactEmitsItsEventForThatContact() {
        String body = "{\"id\": \"evt-1\", \"email\": \"ada@example.com\", \"plan\": \"gold\"}";

        WebhookResponse answer = post("loc-1", body, sign(body));

        assertThat(answer.statusCode()).isEqualTo(202);
        Emitted event = shop.events().emitted().get(0);
        assertThat(event.type()).isEqualTo("webhook.received");
        assertThat(event.contactId()).isEqualTo("c-1");
        assertThat(event.payload()).containsEntry("contactEmail", "ada@example.com").containsEntry("deliveryId", "evt-1")
                .containsEntry("body", body);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains(event.id()).contains("\"contactId\":\"c-1\"");
    }

    @Test
    void aRetriedDeliveryStartsNothingTwice() {
        String body = "{\"id\": 7, \"contact\": {\"email\": \"nobody@example.com\"}}";

        assertThat(post("loc-1", body, sign(body)).statusCode()).isEqualTo(202);
        assertThat(post("loc-1", body, sign(body)).statusCode()).isEqualTo(200);

        assertThat(shop.events().emitted()).hasSize(1);
        assertThat(shop.events().emitted().get(0).contactId()).isNull();
    }

    @Test
    void hostileCallsAreRefusedBeforeAnEventIsEmitted() {
        String body = "{\"email\": \"ada@example.com\"}";

        assertThat(post("loc-1", body, null).statusCode()).isEqualTo(401);
        assertThat(post("loc-1", body, sign(body + " ")).statusCode()).isEqualTo(401);
        assertThat(post("loc-1", "{not json", sign("{not json")).statusCode()).isEqualTo(400);
        assertThat(post("loc-1", "[1, 2]", sign("[1, 2]")).statusCode()).isEqualTo(400);
        assertThat(post("loc-2", body, sign(body)).statusCode()).isEqualTo(404);
        assertThat(host.call(new InboundWebhook(), TestWebhookRequest.post(new byte[InboundWebhook.MAX_BODY_BYTES + 1])
                .path("loc-1")).statusCode()).isEqualTo(413);
        assertThat(shop.events().emitted()).isEmpty();
    }
}
