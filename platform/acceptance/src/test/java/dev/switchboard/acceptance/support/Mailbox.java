package dev.switchboard.acceptance.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/** What a test SMTP server received, by recipient. */
public final class Mailbox {

    private Mailbox() {
    }

    public static List<MimeMessage> messagesTo(GreenMailExtension smtp, String address) throws MessagingException {
        List<MimeMessage> messages = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                messages.add(message);
            }
        }
        return messages;
    }
}
