package dev.switchboard.plugins.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.switchboard.api.PluginException;
import dev.switchboard.api.settings.MissingSettingException;
import dev.switchboard.testkit.TestActionContext;
import dev.switchboard.testkit.TestContact;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The action against a real SMTP server (GreenMail), in the test kit's in-memory host. */
class SendEmailActionTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final SendEmailAction action = new SendEmailAction();

    @Test
    void sendsToTheContactWithTheVersionHeaderAndStepKey() throws Exception {
        TestActionContext context = context(Map.of("subject", "Hello Ada", "body", "Hi Ada"), smtpSettings());

        EmailSent sent = context.run(action);

        MimeMessage message = SMTP.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("Hello Ada");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("ada@example.com");
        assertThat(message.getHeader(SmtpMailer.MAILER_HEADER)[0]).isEqualTo("switchboard-email/1.0.0");
        assertThat(message.getHeader(SmtpMailer.STEP_HEADER)[0]).isEqualTo("run-1:send");
        assertThat(context.summary()).isEqualTo("sent to ada@example.com");
        assertThat(sent.messageId()).isEqualTo(context.vendorReferenceReported()).isNotBlank();
        assertThat(sent.to()).isEqualTo("ada@example.com");
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameMessageIdSoAResendIsRecognisable() throws Exception {
        EmailSent first = context(Map.of("subject", "Hello", "body", "Hi"), smtpSettings()).run(action);
        EmailSent again = context(Map.of("subject", "Hello", "body", "Hi"), smtpSettings()).run(action);
        EmailSent otherVisit = context(Map.of("subject", "Hello", "body", "Hi"), smtpSettings())
                .withExecutionId("run-1:send:2").run(action);

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(3);
        assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID())
                .isEqualTo(first.messageId()).isEqualTo(again.messageId())
                .isEqualTo("<switchboard.run-1send@agency.test>");
        assertThat(received[2].getMessageID()).isEqualTo(otherVisit.messageId()).isNotEqualTo(first.messageId());
    }

    @Test
    void anExplicitRecipientWinsOverTheContact() throws Exception {
        context(Map.of("to", "boss@example.com", "subject", "New lead", "body", "Ada"), smtpSettings()).run(action);

        assertThat(SMTP.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("boss@example.com");
    }

    @Test
    void failuresNameWhatIsWrong() {
        Map<String, String> noHost = new HashMap<>(smtpSettings());
        noHost.remove("host");
        Map<String, String> deadServer = new HashMap<>(smtpSettings());
        deadServer.put("port", "1");

        assertThatThrownBy(() -> context(Map.of("subject", "s", "body", "b"), noHost).run(action))
                .isInstanceOf(MissingSettingException.class).hasMessageContaining("'host'");
        assertThatThrownBy(() -> context(Map.of("subject", "", "body", "b"), smtpSettings()).run(action))
                .isInstanceOf(PluginException.class).hasMessageContaining("subject");
        assertThatThrownBy(() -> context(Map.of("to", "not an address", "subject", "s", "body", "b"),
                smtpSettings()).run(action)).hasMessageContaining("not a valid email address");
        assertThatThrownBy(() -> context(Map.of("subject", "s", "body", "b"), deadServer).run(action))
                .isInstanceOf(PluginException.class).hasMessageContaining("SMTP delivery to ada@example.com");
    }

    private static Map<String, String> smtpSettings() {
        return Map.of("host", "127.0.0.1", "port", String.valueOf(SMTP.getSmtp().getPort()), "from", "hello@agency.test");
    }

    private static TestActionContext context(Map<String, String> inputs, Map<String, String> settings) {
        return TestActionContext.of(inputs).withExecutionId("run-1:send").withSettings(settings)
                .withContact(new TestContact("c-1", "Ada", "Lovelace", "ada@example.com"));
    }
}
