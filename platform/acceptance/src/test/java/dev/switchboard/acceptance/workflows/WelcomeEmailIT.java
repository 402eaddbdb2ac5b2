package dev.switchboard.acceptance.workflows;

import static dev.switchboard.acceptance.support.Scenario.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.switchboard.acceptance.support.EmailPlugin;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shipped welcome workflow end to end: a tagged lead gets the merged email, a dead SMTP server fails the run visibly. */
@ExtendWith(PlatformExtension.class)
class WelcomeEmailIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static TestLocation location;
    private static Scenario scenario;

    @BeforeAll
    static void deploy(TestLocation testLocation) throws Exception {
        location = testLocation;
        scenario = new Scenario(location);
        EmailPlugin.ensureInstalled(location.api());
        EmailPlugin.useSmtp(location, SMTP.getSmtp().getPort());
        var deployed = scenario.deploy(Files.readString(Path.of(System.getProperty("bpmn.templates"), "welcome-new-lead.bpmn20.xml")));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
    }

    @Test
    void aTaggedLeadReceivesTheMergedWelcomeEmail() throws Exception {
        String ada = scenario.contact("Ada", "ada@example.com");

        scenario.tag(ada, "lead");

        JsonNode run = scenario.endedRuns(ada, 1, Duration.ofSeconds(60)).get(0);
        assertThat(run.get("state").asText()).isEqualTo("COMPLETED");
        JsonNode send = step(run, "sendWelcome");
        assertThat(send.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(send.get("summary").asText()).isEqualTo("sent to ada@example.com");
        assertThat(StreamSupport.stream(run.get("steps").spliterator(), false).map(s -> s.get("activityId").asText()))
                .containsExactly("tagLeadAdded", "sendWelcome", "done");
        MimeMessage message = messageTo("ada@example.com");
        assertThat(message.getSubject()).isEqualTo("Hello Ada");
        assertThat(message.getFrom()[0].toString()).isEqualTo("hello@agency.test");
        assertThat(message.getHeader("X-Switchboard-Mailer")[0]).startsWith("switchboard-email/");
        assertThat(((String) message.getContent()).replace("\r\n", "\n"))
                .startsWith("Hi Ada,\n\nthanks for your interest in WelcomeEmailIT.");
        assertThat(message.getMessageID()).as("the step records the vendor's id of what it sent")
                .isEqualTo(send.get("vendorId").asText()).contains(send.get("idempotencyKey").asText());
    }

    @Test
    void aFailingStepIsRetriedAndTheRunShowsWhy(RunningPlatform platform) throws Exception {
        EmailPlugin.useSmtp(location, unusedPort());
        try {
            String edsger = scenario.contact("Edsger", "edsger@example.com");

            scenario.tag(edsger, "lead");

            JsonNode run = scenario.endedRuns(edsger, 1, Duration.ofSeconds(90)).get(0);
            assertThat(run.get("state").asText()).isEqualTo("FAILED");
            assertThat(run.get("error").asText()).contains("step 'sendWelcome' (email.send) failed after 3 attempt(s)");
            JsonNode send = step(run, "sendWelcome");
            assertThat(send.get("status").asText()).isEqualTo("FAILED");
            assertThat(send.get("attempts").asInt()).isEqualTo(3);
            assertThat(send.get("error").asText()).contains("SMTP delivery to edsger@example.com via 127.0.0.1");
        } finally {
            EmailPlugin.useSmtp(location, SMTP.getSmtp().getPort());
        }
        try (Connection database = platform.database();
             ResultSet row = database.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND state LIKE 'idle in transaction%'"
                     + " AND now() - state_change > interval '5 seconds'")) {
            row.next();
            assertThat(row.getInt(1)).as("connections idle in transaction for over 5 s").isZero();
        }
    }

    private static MimeMessage messageTo(String address) throws Exception {
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                return message;
            }
        }
        throw new AssertionError("no email to " + address);
    }

    private static int unusedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
