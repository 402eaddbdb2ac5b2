package dev.switchboard.plugins.email;

import dev.switchboard.api.action.ActionException;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/** Sends mail over SMTP with Angus Mail; one connection per message. */
final class SmtpMailer {

    static final String MAILER_HEADER = "X-Switchboard-Mailer";
    static final String STEP_HEADER = "X-Switchboard-Step";
    private static final int TIMEOUT_MILLIS = 15_000;

    private final String pluginVersion;

    SmtpMailer(String pluginVersion) {
        this.pluginVersion = pluginVersion;
    }

    /** Sends the message and returns its Message-ID. */
    String send(SmtpSettings smtp, OutgoingEmail email) throws ActionException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Jakarta Mail finds its providers through the context class loader: make it ours.
        thread.setContextClassLoader(SmtpMailer.class.getClassLoader());
        try {
            Session session = Session.getInstance(properties(smtp), authenticator(smtp));
            String messageId = messageId(email.idempotencyKey(), smtp.from());
            MimeMessage message = new MimeMessage(session) {
                // the same key gives the same Message-ID: a resend after a crash is recognisably the same mail
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            message.setFrom(parse(smtp.from(), "from"));
            message.setRecipient(MimeMessage.RecipientType.TO, parse(email.to(), "to"));
            message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
            message.setText(email.body(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            message.setHeader(MAILER_HEADER, "switchboard-email/" + pluginVersion);
            message.setHeader(STEP_HEADER, email.idempotencyKey());
            Transport.send(message);
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new ActionException("SMTP delivery to " + email.to() + " via " + smtp.host() + ":" + smtp.port()
                    + " failed: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** {@code <switchboard.KEY@domain-of-from>}; characters a Message-ID cannot hold are dropped from the key. */
    static String messageId(String idempotencyKey, String from) {
        String key = idempotencyKey.replaceAll("[^A-Za-z0-9._-]", "");
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? "switchboard.invalid" : from.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return "<switchboard." + key + "@" + (domain.isEmpty() ? "switchboard.invalid" : domain) + ">";
    }

    private static InternetAddress parse(String address, String field) throws ActionException {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return parsed;
        } catch (AddressException e) {
            throw new ActionException("'" + field + "' is not a valid email address: " + address);
        }
    }

    private static Properties properties(SmtpSettings smtp) {
        Properties props = new Properties();
        props.put("mail.transport.protocol", "smtp");
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", String.valueOf(smtp.port()));
        props.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
        props.put("mail.smtp.timeout", String.valueOf(TIMEOUT_MILLIS));
        props.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT_MILLIS));
        props.put("mail.smtp.auth", String.valueOf(smtp.username() != null));
        props.put("mail.smtp.starttls.enable", String.valueOf(smtp.startTls()));
        props.put("mail.smtp.starttls.required", String.valueOf(smtp.startTls()));
        return props;
    }

    private static Authenticator authenticator(SmtpSettings smtp) {
        if (smtp.username() == null) {
            return null;
        }
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(smtp.username(), smtp.password() == null ? "" : smtp.password());
            }
        };
    }
}
