package dev.switchboard.plugins.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.switchboard.api.action.ActionException;
import dev.switchboard.api.action.ActionResult;
import dev.switchboard.api.action.ContactView;
import dev.switchboard.api.settings.MissingSettingException;
import dev.switchboard.testkit.TestActionContext;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The action against a real SMTP server (GreenMail), outside any framework. */
class SendEmailActionTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final SendEmailAction action = new SendEmailAction(new SmtpMailer("1.0.0"));

    @Test
    void sendsToTheContactWithTheVersionHeaderAndStepKey() throws Exception {
        ActionResult result = action.execute(context(Map.of("subject", "Hello Ada", "body", "Hi Ada"), smtpSettings()));

        MimeMessage message = SMTP.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("Hello Ada");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("ada@example.com");
        assertThat(message.getHeader(SmtpMailer.MAILER_HEADER)[0]).isEqualTo("switchboard-email/1.0.0");
        assertThat(message.getHeader(SmtpMailer.STEP_HEADER)[0]).isEqualTo("run-1:send");
        assertThat(result.summary()).isEqualTo("sent to ada@example.com");
        assertThat(result.outputs()).containsKey("messageId");
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameMessageIdSoAResendIsRecognisable() throws Exception {
        ActionResult first = action.execute(context(Map.of("subject", "Hello", "body", "Hi"), smtpSettings()));
        ActionResult again = action.execute(context(Map.of("subject", "Hello", "body", "Hi"), smtpSettings()));
        ActionResult otherVisit = action.execute(context(Map.of("subject", "Hello", "body", "Hi"), smtpSettings())
                .withExecutionId("run-1:send:2"));

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(3);
        assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID())
                .isEqualTo(first.vendorId()).isEqualTo(again.vendorId())
                .isEqualTo("<switchboard.run-1send@agency.test>");
        assertThat(received[2].getMessageID()).isEqualTo(otherVisit.vendorId()).isNotEqualTo(first.vendorId());
    }

    @Test
    void anExplicitRecipientWinsOverTheContact() throws Exception {
        action.execute(context(Map.of("to", "boss@example.com", "subject", "New lead", "body", "Ada"), smtpSettings()));

        assertThat(SMTP.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("boss@example.com");
    }

    @Test
    void failuresNameWhatIsWrong() {
        Map<String, String> noHost = new HashMap<>(smtpSettings());
        noHost.remove("host");
        Map<String, String> deadServer = new HashMap<>(smtpSettings());
        deadServer.put("port", "1");

        assertThatThrownBy(() -> action.execute(context(Map.of("subject", "s", "body", "b"), noHost)))
                .isInstanceOf(MissingSettingException.class).hasMessageContaining("'host'");
        assertThatThrownBy(() -> action.execute(context(Map.of("subject", "", "body", "b"), smtpSettings())))
                .isInstanceOf(ActionException.class).hasMessageContaining("'subject' is empty");
        assertThatThrownBy(() -> action.execute(context(Map.of("to", "not an address", "subject", "s", "body", "b"),
                smtpSettings()))).hasMessageContaining("not a valid email address");
        assertThatThrownBy(() -> action.execute(context(Map.of("subject", "s", "body", "b"), deadServer)))
                .isInstanceOf(ActionException.class).hasMessageContaining("SMTP delivery to ada@example.com");
    }

    private static Map<String, String> smtpSettings() {
        return Map.of("host", "127.0.0.1", "port", String.valueOf(SMTP.getSmtp().getPort()), "from", "hello@agency.test");
    }

    private static TestActionContext context(Map<String, String> inputs, Map<String, String> settings) {
        return TestActionContext.of(inputs).withExecutionId("run-1:send").withSettings(settings)
                .withContact(new ContactView("c-1", "Ada", "Lovelace", "ada@example.com", Set.of("lead")));
    }
}
