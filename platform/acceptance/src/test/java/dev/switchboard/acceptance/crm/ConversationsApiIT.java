package dev.switchboard.acceptance.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.Problems;
import dev.switchboard.acceptance.support.EchoChannelPlugin;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A contact's conversation: sending on a plugin's channel, a channel that fails, and what a plugin receives. */
@ExtendWith(PlatformExtension.class)
class ConversationsApiIT {

    private static final String PLUGIN = EchoChannelPlugin.ID;

    @BeforeAll
    static void installTheChannel(RunningPlatform platform) {
        EchoChannelPlugin.ensureInstalled(platform.admin());
    }

    @Test
    void aMessageGoesOutThroughThePluginsChannelAndTheConversationShowsIt(TestLocation location) {
        Scenario scenario = new Scenario(location);
        String contact = scenario.contact("Ada", "ada.conversation@example.com");
        String messages = location.path("contacts/" + contact + "/messages");

        assertThat(location.api().get(location.path("channels")).body()).contains("\"id\":\"echo\"");
        Response sent = location.api().postJson(messages, Map.of("channel", "echo", "body", "Hello Ada"));

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        JsonNode message = sent.json();
        assertThat(message.get("status").asText()).isEqualTo("SENT");
        assertThat(message.get("direction").asText()).isEqualTo("OUTBOUND");
        assertThat(message.get("vendorId").asText()).isEqualTo("echo-" + message.get("id").asText());
        assertThat(message.get("pluginId").asText()).isEqualTo(PLUGIN);
        JsonNode listed = location.api().get(messages).json().get("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("body").asText()).isEqualTo("Hello Ada");
    }

    @Test
    void aChannelThatFailsGivesAFailedMessageSayingWhyNotAnError(TestLocation location) {
        String contact = new Scenario(location).contact("Grace", "grace.conversation@example.com");

        Response failed = location.api().postJson(location.path("contacts/" + contact + "/messages"),
                Map.of("channel", "echo", "body", "this will fail"));

        assertThat(failed.status()).as(failed.body()).isEqualTo(201);
        assertThat(failed.json().get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.json().get("error").asText()).isEqualTo("the vendor refused the message to grace.conversation@example.com");
    }

    @Test
    void badSendsAreRefusedNamingWhatIsWrong(TestLocation location) {
        String contact = new Scenario(location).contact("Alan", "alan.conversation@example.com");
        String messages = location.path("contacts/" + contact + "/messages");

        Problems.assertProblem(location.api().postJson(messages, Map.of("channel", "carrier-pigeon", "body", "Hi")), 400,
                "provides channel 'carrier-pigeon'; channels: [echo");
        Problems.assertProblem(location.api().postJson(messages, Map.of("channel", "echo", "body", "")), 400, "body");
        Problems.assertProblem(location.api().postJson(messages, Map.of("channel", "echo", "body", "nul\u0000")), 400, "NUL");
        Problems.assertProblem(location.api().postJson(messages, Map.of("channel", "echo", "body", "x".repeat(20_001))),
                400, "longer than 20000");
        Problems.assertProblem(location.api().postJson(messages, Map.of("channel", "echo", "body", "Hi", "cc", "boss")),
                400, "cc");
        Problems.assertProblem(location.api().postJson(location.path("contacts/00000000-0000-0000-0000-000000000001/messages"),
                Map.of("channel", "echo", "body", "Hi")), 404, "contact");
        assertThat(location.api().get(messages).json().get("items")).isEmpty();
    }

    @Test
    void aPluginAppendsWhatItReceivesToTheContactsConversation(TestLocation location) {
        Scenario scenario = new Scenario(location);
        scenario.deployFixture(ConversationsApiIT.class, "on-reply");
        String contact = scenario.contact("Linus", "linus.conversation@example.com");

        scenario.tag(contact, "replied");
        JsonNode run = scenario.endedRuns(contact, 1, Duration.ofSeconds(60)).get(0);

        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("COMPLETED");
        JsonNode inbound = location.api().get(location.path("contacts/" + contact + "/messages")).json().get("items").get(0);
        assertThat(inbound.get("direction").asText()).isEqualTo("INBOUND");
        assertThat(inbound.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(inbound.get("body").asText()).isEqualTo("Thanks Linus here!");
        assertThat(inbound.get("channel").asText()).isEqualTo("echo");
    }

    @Test
    void aChannelTurnedOffForTheLocationIsNotOffered(TestLocation location) {
        String other = location.api().postJson("locations", Map.of("name", "No echo")).json().get("id").asText();
        TestLocation quiet = new TestLocation(location.api(), other, "No echo");
        assertThat(quiet.api().delete(quiet.path("plugins/" + PLUGIN)).status()).isEqualTo(200);
        String contact = new Scenario(quiet).contact("Barbara", "barbara.conversation@example.com");

        assertThat(quiet.api().get(quiet.path("channels")).body()).doesNotContain("echo");
        Problems.assertProblem(quiet.api().postJson(quiet.path("contacts/" + contact + "/messages"),
                Map.of("channel", "echo", "body", "Hi")), 400, "channel 'echo'");
    }
}
