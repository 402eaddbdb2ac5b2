package dev.switchboard.acceptance.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.acceptance.crm.fixture.EchoChannel;
import dev.switchboard.acceptance.crm.fixture.ReceiveReply;
import dev.switchboard.acceptance.crm.fixture.ReplyInput;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.TestBundles;

/**
 * The test channel plugin: an "echo" channel, and the action {@code test.receive_reply} that records a
 * message received from the run's contact (a reply), as a real channel plugin would on an inbound
 * webhook.
 */
public final class EchoChannelPlugin {

    public static final String ID = "test.echo.channel";

    private EchoChannelPlugin() {
    }

    /** Installs it on the platform unless it is there already. */
    public static void ensureInstalled(ApiClient operator) {
        if (operator.get("plugins/" + ID).status() == 404) {
            ApiClient.Response installed = operator.post("plugins", "application/java-archive",
                    TestBundles.pf4j(ID, "1.0.0", EchoChannel.class, ReceiveReply.class, ReplyInput.class));
            assertThat(installed.status()).as(installed.body()).isEqualTo(200);
        }
    }
}
