package dev.switchboard.core.plugins.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.webhook.Webhook;
import dev.switchboard.api.webhook.WebhookContext;
import dev.switchboard.api.webhook.WebhookHandler;
import dev.switchboard.api.webhook.WebhookRequest;
import dev.switchboard.api.webhook.WebhookResponse;
import dev.switchboard.core.plugins.registry.ExtensionScanner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginWebhooksTest {

    @Webhook(path = "inbound", name = "Inbound")
    public static final class Good implements WebhookHandler {
        @Override
        public WebhookResponse handle(WebhookRequest request, WebhookContext context) {
            return WebhookResponse.status(204);
        }
    }

    @Webhook(path = "In/Bound", name = "Bad", maxBodyBytes = Webhook.MAX_BODY_BYTES + 1, timeoutSeconds = 0)
    public static final class Bad implements WebhookHandler {
        @Override
        public WebhookResponse handle(WebhookRequest request, WebhookContext context) {
            return WebhookResponse.status(204);
        }
    }

    private static ExtensionScanner.Declared declared(Class<?> type) {
        Webhook webhook = type.getAnnotation(Webhook.class);
        return new ExtensionScanner.Declared(WebhookHandler.class, webhook.path(), webhook, type);
    }

    @Test
    void aWellFormedHandlerPasses() {
        assertThat(new PluginWebhooks().check(declared(Good.class))).isEmpty();
    }

    @Test
    void aHandlerIsRefusedForItsPathAndLimits() {
        assertThat(new PluginWebhooks().check(declared(Bad.class)))
                .anySatisfy(problem -> assertThat(problem).contains("the path is 1 to 63 lower case"))
                .anySatisfy(problem -> assertThat(problem).contains("maxBodyBytes must be 0 to"))
                .anySatisfy(problem -> assertThat(problem).contains("timeoutSeconds must be 1 to 60"))
                .hasSize(3);
    }

    @Test
    void theHandlerSeesHeadersByAnyCaseAndItsOwnCopyOfTheBody() {
        WebhookCall call = new WebhookCall("POST", List.of("loc"), Map.of("a", "1"),
                Map.of("x-switchboard-signature", "sha256=00"), new byte[] {1, 2});

        assertThat(call.header("X-Switchboard-Signature")).contains("sha256=00");
        assertThat(call.query("a")).contains("1");
        call.body()[0] = 9;
        assertThat(call.body()[0]).isEqualTo((byte) 1);
    }
}
