package dev.switchboard.plugins.email;

import dev.switchboard.api.Extension;
import dev.switchboard.api.PluginException;
import dev.switchboard.api.action.Action;
import dev.switchboard.api.action.ActionContext;
import dev.switchboard.api.action.ActionException;
import dev.switchboard.api.action.WorkflowAction;
import dev.switchboard.api.host.Contact;

/** {@code email.send}: sends one email, by default to the workflow's contact. */
@Extension
@Action(id = "email.send", name = "Send email",
        description = "Sends an email over the location's SMTP server, by default to the contact.",
        input = EmailInput.class, output = EmailSent.class)
public final class SendEmailAction implements WorkflowAction<EmailInput, EmailSent> {

    @Override
    public EmailSent execute(EmailInput input, ActionContext context) throws PluginException {
        String to = recipient(input, context);
        SmtpSettings smtp = context.settings().as(SmtpSettings.class);
        String messageId = new SmtpMailer(context.pluginVersion()).send(smtp,
                new OutgoingEmail(to, input.subject(), input.body(), context.idempotencyKey()));
        context.summarize("sent to " + to);
        context.vendorReference(messageId);
        return new EmailSent(messageId, to);
    }

    private static String recipient(EmailInput input, ActionContext context) throws ActionException {
        if (input.to() != null && !input.to().isBlank()) {
            return input.to().trim();
        }
        return context.contact()
                .map(Contact::email)
                .filter(email -> email != null && !email.isBlank())
                .orElseThrow(() -> new ActionException("no recipient: the task sets no 'to' and the contact has no email"));
    }
}
