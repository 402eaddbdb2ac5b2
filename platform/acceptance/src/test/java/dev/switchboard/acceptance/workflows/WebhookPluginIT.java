package dev.switchboard.acceptance.workflows;

import static dev.switchboard.acceptance.support.Scenario.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.acceptance.support.Problems;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.acceptance.workflows.fixture.HostServicesProbe;
import dev.switchboard.api.webhook.Signatures;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestBundles;
import dev.switchboard.testkit.TestLocation;
import dev.switchboard.testkit.TestSigning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The webhook plugin end to end, in its PF4J packaging: a signed JSON object posted to the location's
 * inbound webhook starts the workflow that triggers on {@code webhook.received}, whose
 * {@code webhook.post} step posts the contact, signed, to a receiver and reads fields of its answer.
 * Hostile callers get refusals; the host services (documents, usage, events) behave as documented.
 */
@ExtendWith(PlatformExtension.class)
class WebhookPluginIT {

    private static final String PLUGIN = "dev.switchboard.plugins.webhook";
    private static final String PROBE = "test.host.services";
    private static final String SECRET = "webhook-s3cret-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A request the receiver got. */
    private record Received(String body, String signature, String idempotencyKey) {
    }

    private static final BlockingQueue<Received> RECEIVED = new ArrayBlockingQueue<>(20);
    private static HttpServer receiver;
    private static TestLocation location;
    private static Scenario scenario;
    private static URI base;

    @BeforeAll
    static void setUp(RunningPlatform platform, TestLocation testLocation) throws IOException {
        location = testLocation;
        scenario = new Scenario(location);
        base = platform.baseUri();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/crm", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            RECEIVED.add(new Received(new String(body, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Switchboard-Signature"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            byte[] answer = "{\"crmId\": \"crm-42\", \"tier\": \"gold\", \"ignored\": true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
        ApiClient operator = platform.admin();
        Response installed = operator.post("plugins", "application/java-archive",
                TestSigning.testKey().sign(Files.readAllBytes(Path.of(System.getProperty("webhook.plugin")))));
        assertThat(installed.status()).as(installed.body()).isEqualTo(200);
        assertThat(installed.json().get("packaging").asText()).isEqualTo("PF4J");
        Response probe = operator.post("plugins", "application/java-archive",
                TestBundles.pf4j(PROBE, "1.0.0", HostServicesProbe.class));
        assertThat(probe.status()).as(probe.body()).isEqualTo(200);
        Response saved = location.api().putJson(location.path("plugins/" + PLUGIN + "/settings"),
                Map.of("signingSecret", SECRET));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        String xml = Scenario.fixture(WebhookPluginIT.class, "on-webhook")
                .replace("RECEIVER_URL", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/crm");
        Response deployed = scenario.deploy(xml);
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
        assertThat(deployed.json().at("/trigger/event").asText()).isEqualTo("webhook.received");
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aSignedInboundWebhookStartsTheWorkflowWhichPostsTheContactSignedAndReadsTheAnswer(RunningPlatform platform)
            throws Exception {
        String ada = scenario.contact("Ada", "ada.webhook@example.com");
        String body = "{\"id\": \"delivery-1\", \"email\": \"ada.webhook@example.com\", \"plan\": \"gold\"}";

        HttpResponse<String> accepted = hook("POST", "inbound/" + location.id(), body, sign(body));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(JSON.readTree(accepted.body()).get("contactId").asText()).isEqualTo(ada);
        JsonNode run = scenario.endedRuns(ada, 1, Duration.ofSeconds(60)).get(0);
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(step(run, "post").get("status").asText()).isEqualTo("COMPLETED");
        assertThat(Scenario.steps(run, "accepted")).as("the gateway read post_status and the variables the answer filled")
                .hasSize(1);

        Received posted = RECEIVED.poll(10, TimeUnit.SECONDS);
        assertThat(posted).isNotNull();
        JsonNode sent = JSON.readTree(posted.body());
        assertThat(sent.get("event").asText()).isEqualTo("lead");
        assertThat(sent.get("greeting").asText()).isEqualTo("Hello Ada");
        assertThat(sent.at("/contact/id").asText()).isEqualTo(ada);
        assertThat(sent.at("/contact/email").asText()).isEqualTo("ada.webhook@example.com");
        assertThat(sent.at("/contact/firstName").asText()).isEqualTo("Ada");
        assertThat(posted.signature()).isEqualTo(sign(posted.body()));
        assertThat(posted.idempotencyKey()).isEqualTo(step(run, "post").get("idempotencyKey").asText());

        try (Connection database = platform.database(UUID.fromString(location.id()));
             PreparedStatement query = database.prepareStatement(
                     "SELECT outputs::text FROM action_execution WHERE run_id = ? AND activity_id = 'post'")) {
            query.setString(1, run.get("id").asText());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                JsonNode outputs = JSON.readTree(row.getString(1));
                assertThat(outputs.get("status").asText()).isEqualTo("200");
                assertThat(JSON.readTree(outputs.get("values").asText()))
                        .isEqualTo(JSON.readTree("{\"/crmId\": \"crm-42\", \"/tier\": \"gold\"}"));
                assertThat(outputs.get("response").asText()).contains("\"ignored\": true");
            }
        }

        HttpResponse<String> retried = hook("POST", "inbound/" + location.id(), body, sign(body));
        assertThat(retried.statusCode()).as("a retried delivery").isEqualTo(200);
        Scenario.sleep(1500);
        assertThat(scenario.runsOf(ada)).as("the retry started no second run").hasSize(1);

        JsonNode usage = location.api().get(location.path("usage")).json();
        assertThat(usage.get("lines").findValues("meter")).extracting(JsonNode::asText).contains("webhook.posts");
        for (JsonNode line : usage.get("lines")) {
            if (line.get("meter").asText().equals("webhook.posts")) {
                assertThat(line.get("pluginId").asText()).isEqualTo(PLUGIN);
                assertThat(line.get("quantity").asLong()).isEqualTo(1);
            }
        }
    }

    @Test
    void anOutputMappingToAnUnknownOutputOrAReservedVariableIsRefusedAtPublish() {
        String fixture = Scenario.fixture(WebhookPluginIT.class, "on-webhook").replace("id=\"on-webhook\"", "id=\"mapped\"")
                .replace("RECEIVER_URL", "http://127.0.0.1:9/crm");

        Response unknown = scenario.deploy(fixture.replace("response/crmId", "answer/crmId"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("reads 'answer', which is not an output of webhook.post; its outputs are"
                + " [response, status, values]");
        Response reserved = scenario.deploy(fixture.replace("name=\"crmId\"", "name=\"contactId\""));
        assertThat(reserved.status()).isEqualTo(400);
        assertThat(reserved.body()).contains("contactId is set by the platform on every run");
    }

    @Test
    void hostileCallersAreRefusedAndStartNothing() throws Exception {
        String body = "{\"email\": \"mallory@example.com\"}";
        String inbound = "inbound/" + location.id();

        HttpResponse<String> forged = hook("POST", inbound, body, "sha256=" + "0".repeat(64));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("does not match");
        assertThat(hook("POST", inbound, body, null).statusCode()).isEqualTo(401);

        String huge = "{\"pad\": \"" + "x".repeat(200_000) + "\"}";
        HttpResponse<String> tooLarge = hook("POST", inbound, huge, sign(huge));
        assertProblem(tooLarge, 413, "65536 bytes");

        HttpResponse<String> malformed = hook("POST", inbound, "{\"email\": ", sign("{\"email\": "));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("not JSON");

        assertProblem(hook("POST", "inbound/" + UUID.randomUUID(), body, sign(body)), 404, "location");
        assertProblem(hook("POST", "inbound/not-a-location", body, sign(body)), 404, "location");
        assertProblem(hook("POST", "no-such-hook/" + location.id(), body, sign(body)), 404, "webhook");
        assertProblem(hookOf("no.such.plugin", "POST", "inbound/" + location.id(), body, sign(body)), 404, "webhook");
        String quiet = location.api().postJson("locations", Map.of("name", "Webhook off")).json().get("id").asText();
        assertThat(location.api().delete("locations/" + quiet + "/plugins/" + PLUGIN).status()).isEqualTo(200);
        assertProblem(hook("POST", "inbound/" + quiet, body, sign(body)), 404, "location");

        Scenario.sleep(1000);
        JsonNode runs = location.api().get(location.path("workflow-runs?workflow=on-webhook")).json();
        for (JsonNode run : runs) {
            assertThat(run.get("contactId").asText("")).as("a run started by a refused call").isNotEmpty();
        }
    }

    @Test
    void theWebhookHostAnswersForItsHandlersTimeLimitFailuresAndRefusals() throws Exception {
        String probe = "probe/" + location.id();

        assertProblem(hookOf(PROBE, "GET", probe + "?op=hang", null, null), 504, "did not answer within 1 s");
        assertProblem(hookOf(PROBE, "GET", probe + "?op=throw", null, null), 500, "the probe broke on purpose");
        assertProblem(hookOf(PROBE, "GET", probe + "?op=nonsense", null, null), 400, "unknown op 'nonsense'");
        assertProblem(hookOf(PROBE, "GET", probe + "?op=emit&type=webhook.received", null, null), 400,
                "not declared by plugin " + PROBE);
    }

    @Test
    void documentsAreKeptPerLocationAndPagedByKeyAndUsageCountsEachKeyOnce(RunningPlatform platform) throws Exception {
        String probe = "probe/" + location.id();
        for (String key : new String[] {"b", "a", "c"}) {
            HttpResponse<String> put = hookOf(PROBE, "POST", probe + "?op=put&key=" + key, "{\"key\": \"" + key + "\"}",
                    null);
            assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
        }
        assertThat(JSON.readTree(hookOf(PROBE, "GET", probe + "?op=get&key=a", null, null).body()))
                .isEqualTo(JSON.readTree("{\"key\": \"a\"}"));
        assertThat(hookOf(PROBE, "GET", probe + "?op=keys&limit=2", null, null).body()).isEqualTo("a,b");
        assertThat(hookOf(PROBE, "GET", probe + "?op=keys&limit=2&after=b", null, null).body()).isEqualTo("c");
        assertThat(hookOf(PROBE, "GET", probe + "?op=delete&key=c", null, null).body()).isEqualTo("true");
        assertThat(hookOf(PROBE, "GET", probe + "?op=get&key=c", null, null).statusCode()).isEqualTo(404);
        assertProblem(hookOf(PROBE, "POST", probe + "?op=put&key=bad", "{not json", null), 400, "not JSON");
        assertProblem(hookOf(PROBE, "POST", probe + "?op=put&collection=no%20spaces&key=k", "{}", null), 400,
                "collection name");

        ApiClient operator = platform.admin();
        Response other = operator.postJson("locations", Map.of("name", "WebhookPluginIT other"));
        assertThat(other.status()).as(other.body()).isEqualTo(201);
        String otherProbe = "probe/" + other.json().get("id").asText();
        assertThat(hookOf(PROBE, "GET", otherProbe + "?op=get&key=a", null, null).statusCode())
                .as("another location's documents").isEqualTo(404);
        assertThat(hookOf(PROBE, "GET", otherProbe + "?op=keys", null, null).body()).isEmpty();

        for (int i = 0; i < 2; i++) {
            assertThat(hookOf(PROBE, "GET", probe + "?op=meter&meter=probe.calls&quantity=3&key=call-1", null, null)
                    .statusCode()).isEqualTo(204);
        }
        assertThat(hookOf(PROBE, "GET", probe + "?op=meter&meter=probe.calls&quantity=4&key=call-2", null, null)
                .statusCode()).isEqualTo(204);
        assertProblem(hookOf(PROBE, "GET", probe + "?op=meter&meter=probe.calls&quantity=0&key=call-3", null, null),
                400, "must be positive");

        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        Response report = location.api().get(location.path("usage?from=" + yesterday));
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode usage = report.json();
        JsonNode line = null;
        for (JsonNode candidate : usage.get("lines")) {
            if (candidate.get("pluginId").asText().equals(PROBE)) {
                line = candidate;
            }
        }
        assertThat(line).as(usage.toString()).isNotNull();
        assertThat(line.get("meter").asText()).isEqualTo("probe.calls");
        assertThat(line.get("quantity").asLong()).as("call-1 counted once").isEqualTo(7);
        assertThat(line.get("records").asLong()).isEqualTo(2);
        Problems.assertProblem(location.api().get(location.path("usage?from=2000-01-01&to=1999-01-01")), 400,
                "must be after from");
        Problems.assertProblem(location.api().get(location.path("usage?from=2000-01-01")), 400, "at most 366 days");
        Problems.assertProblem(location.api().get(location.path("usage?from=yesterday")), 400, "not a timestamp");
        Response otherUsage = operator.get("locations/" + other.json().get("id").asText() + "/usage?from=" + yesterday);
        assertThat(otherUsage.status()).as(otherUsage.body()).isEqualTo(200);
        assertThat(otherUsage.json().get("lines")).as("another location's usage").isEmpty();
    }

    private static String sign(String body) {
        return "sha256=" + Signatures.hmacSha256Hex(SECRET, body.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> hook(String method, String path, String body, String signature) {
        return hookOf(PLUGIN, method, path, body, signature);
    }

    private static HttpResponse<String> hookOf(String pluginId, String method, String path, String body,
                                               String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("api/v1/hooks/" + pluginId + "/" + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json");
        if (signature != null) {
            request.header("X-Switchboard-Signature", signature);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String detail) {
        Problems.assertProblem(new Response(answer.statusCode(),
                answer.headers().firstValue("Content-Type").orElse(""), answer.body()), status, detail);
    }
}
