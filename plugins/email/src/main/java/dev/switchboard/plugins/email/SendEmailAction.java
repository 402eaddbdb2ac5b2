package dev.switchboard.plugins.email;

import dev.switchboard.api.action.ActionContext;
import dev.switchboard.api.action.ActionDescriptor;
import dev.switchboard.api.action.ActionException;
import dev.switchboard.api.action.ActionResult;
import dev.switchboard.api.action.ContactView;
import dev.switchboard.api.action.InputField;
import dev.switchboard.api.action.WorkflowAction;
import java.util.List;
import java.util.Map;

/** {@code email.send}: sends one email, by default to the workflow's contact. */
final class SendEmailAction implements WorkflowAction {

    static final ActionDescriptor DESCRIPTOR = new ActionDescriptor(
            "email.send",
            "Send email",
            "Sends an email over the location's SMTP server, by default to the contact.",
            List.of(
                    InputField.text("to", "To (defaults to the contact's email)", false),
                    InputField.text("subject", "Subject", true),
                    InputField.multilineText("body", "Body", true)));

    private final SmtpMailer mailer;

    SendEmailAction(SmtpMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public ActionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ActionResult execute(ActionContext context) throws ActionException {
        String to = recipient(context);
        String subject = required(context, "subject");
        String body = required(context, "body");
        String messageId = mailer.send(SmtpSettings.from(context.settings()), new OutgoingEmail(to, subject, body,
                context.idempotencyKey()));
        return new ActionResult("sent to " + to, Map.of("messageId", messageId, "to", to)).withVendorId(messageId);
    }

    private static String recipient(ActionContext context) throws ActionException {
        String to = context.input("to");
        if (to != null && !to.isBlank()) {
            return to.trim();
        }
        return context.contact()
                .map(ContactView::email)
                .filter(email -> email != null && !email.isBlank())
                .orElseThrow(() -> new ActionException("no recipient: the task sets no 'to' and the contact has no email"));
    }

    private static String required(ActionContext context, String input) throws ActionException {
        String value = context.input(input);
        if (value == null || value.isBlank()) {
            throw new ActionException("input '" + input + "' is empty");
        }
        return value;
    }
}
