package dev.switchboard.plugins.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.api.PluginException;
import dev.switchboard.api.webhook.Signatures;
import dev.switchboard.testkit.TestActionContext;
import dev.switchboard.testkit.TestContact;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostWebhookActionTest {

    private static final String SECRET = "s3cret-of-the-location";

    /** A request the receiver got. */
    private record Received(String body, String signature, String idempotencyKey) {
    }

    private HttpServer receiver;
    private final BlockingQueue<Received> received = new ArrayBlockingQueue<>(10);
    private volatile int status = 200;
    private volatile String answer = "{\"id\": 42, \"customer\": {\"tier\": \"gold\"}}";

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(new String(body, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Switchboard-Signature"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @Test
    void postsTheSignedBodyWithTheContactAndPicksTheAnswersFields() throws Exception {
        TestActionContext context = TestActionContext.of(Map.of("url", url(), "body", "{\"event\": \"lead\"}",
                        "fields", "source=website\nnote=said \"hi\"", "responseFields", "/id, /customer/tier, /missing"))
                .withContact(new TestContact("c-1", "Ada", "Lovelace", "ada@example.com", null, Set.of("lead"), Map.of()))
                .withSettings(Map.of("signingSecret", SECRET)).withExecutionId("run-1:step-1");

        WebhookPosted posted = context.run(new PostWebhookAction());

        Received request = received.poll(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        assertThat(request.body()).isEqualTo("{\"event\":\"lead\",\"source\":\"website\",\"note\":\"said \\\"hi\\\"\","
                + "\"contact\":{\"id\":\"c-1\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.com\","
                + "\"tags\":[\"lead\"]}}");
        assertThat(request.signature()).isEqualTo("sha256=" + Signatures.hmacSha256Hex(SECRET,
                request.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(request.idempotencyKey()).isEqualTo("run-1:step-1");
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.response()).isEqualTo(answer);
        assertThat(posted.values()).isEqualTo("{\"/id\":42,\"/customer/tier\":\"gold\"}");
        assertThat(context.summary()).startsWith("posted to http://127.0.0.1:");
        assertThat(context.metering().total("webhook.posts")).isEqualTo(1);
    }

    @Test
    void anAnswerThatIsNotASuccessFailsTheStep() {
        status = 503;
        TestActionContext context = TestActionContext.of(Map.of("url", url()))
                .withSettings(Map.of("signingSecret", SECRET));

        assertThatThrownBy(() -> context.run(new PostWebhookAction())).isInstanceOf(PluginException.class)
                .hasMessageContaining("answered 503");
        assertThat(context.metering().records()).isEmpty();
    }

    @Test
    void aBodyThatIsNotAJsonObjectOnceMergedIsRefusedBeforeAnythingIsSent() {
        TestActionContext context = TestActionContext.of(Map.of("url", url(), "body", "{\"name\": \"Ada \"the\" one\"}"))
                .withSettings(Map.of("signingSecret", SECRET));

        assertThatThrownBy(() -> context.run(new PostWebhookAction())).isInstanceOf(PluginException.class)
                .hasMessageContaining("not JSON").hasMessageContaining("'fields'");
        assertThat(received).isEmpty();
    }

    @Test
    void withoutTheSigningSecretNothingIsSent() {
        TestActionContext context = TestActionContext.of(Map.of("url", url()));

        assertThatThrownBy(() -> context.run(new PostWebhookAction())).isInstanceOf(PluginException.class)
                .hasMessageContaining("signingSecret");
        assertThat(received).isEmpty();
    }
}
