package dev.switchboard.testkit;

import dev.switchboard.api.PluginException;
import dev.switchboard.api.host.LocationContext;
import dev.switchboard.api.host.StepLog;
import dev.switchboard.api.webhook.Webhook;
import dev.switchboard.api.webhook.WebhookContext;
import dev.switchboard.api.webhook.WebhookHandler;
import dev.switchboard.api.webhook.WebhookResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory host for testing a {@link WebhookHandler}: the locations it knows, each a
 * {@link TestActionContext} with its settings, contacts and declared triggers, and the host's answers
 * to what the handler does (a body over its limit: 413; a {@link PluginException}: 400 with its
 * message; an unknown location: 404).
 *
 * <pre>{@code
 * TestActionContext shop = TestActionContext.of(Map.of()).withLocationId("loc-1")
 *         .withSettings(Map.of("signingSecret", "s3cret")).withTriggers(WebhookReceivedTrigger.class);
 * TestWebhookContext host = new TestWebhookContext().withLocation(shop);
 * WebhookResponse answer = host.call(new InboundWebhook(), TestWebhookRequest.post(json).path("loc-1")
 *         .header("X-Switchboard-Signature", "sha256=" + Signatures.hmacSha256Hex("s3cret", json.getBytes())));
 * assertThat(shop.events().emitted()).hasSize(1);
 * }</pre>
 */
public final class TestWebhookContext implements WebhookContext {

    private final Map<String, TestActionContext> locations = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();

    /** The host knows this location (by its {@link TestActionContext#locationId()}). */
    public TestWebhookContext withLocation(TestActionContext location) {
        locations.put(location.locationId(), location);
        return this;
    }

    /** Calls the handler as the platform does, and answers as the platform would. */
    public WebhookResponse call(WebhookHandler handler, TestWebhookRequest request) {
        Webhook webhook = handler.getClass().getAnnotation(Webhook.class);
        if (webhook == null) {
            throw new IllegalArgumentException(handler.getClass().getName() + " has no @Webhook");
        }
        if (request.body().length > webhook.maxBodyBytes()) {
            return WebhookResponse.text(413, "the body is larger than " + webhook.maxBodyBytes() + " bytes");
        }
        try {
            return handler.handle(request, this);
        } catch (UnknownLocation e) {
            return WebhookResponse.text(404, e.getMessage());
        } catch (PluginException e) {
            return WebhookResponse.text(400, e.getMessage());
        }
    }

    @Override
    public LocationContext location(String locationId) throws PluginException {
        TestActionContext location = locations.get(locationId);
        if (location == null) {
            throw new UnknownLocation(locationId);
        }
        return location;
    }

    @Override
    public StepLog log() {
        return new StepLog() {
            @Override
            public void info(String message) {
                log.add("INFO " + message);
            }

            @Override
            public void warn(String message) {
                log.add("WARN " + message);
            }
        };
    }

    /** What the handler wrote to the server log. */
    public List<String> logLines() {
        return List.copyOf(log);
    }

    private static final class UnknownLocation extends PluginException {

        private static final long serialVersionUID = 1L;

        UnknownLocation(String locationId) {
            super("location " + locationId + " does not exist");
        }
    }
}
