/**
 * Workflow actions: the steps a BPMN service task can run.
 *
 * <p>An action is a class marked {@link dev.switchboard.api.Extension} and {@link dev.switchboard.api.action.Action}
 * that implements {@link dev.switchboard.api.action.WorkflowAction}. Its input and output are records
 * described with {@link dev.switchboard.api.schema.Field}; the host derives their JSON Schemas, which the
 * modeler turns into the task's form. A service task names the action by id
 * ({@code sb:action="email.send"}); the host resolves the id each time the task runs, so a plugin
 * upgrade changes behaviour without redeploying any workflow.
 *
 * <pre>{@code
 * @Extension
 * @Action(id = "email.send", name = "Send email", input = EmailInput.class, output = EmailSent.class)
 * public final class SendEmail implements WorkflowAction<EmailInput, EmailSent> {
 *     public EmailSent execute(EmailInput input, ActionContext context) throws PluginException {
 *         SmtpSettings smtp = context.settings().as(SmtpSettings.class);
 *         String id = mailer.send(smtp, input, context.idempotencyKey());
 *         context.vendorReference(id);
 *         return new EmailSent(id);
 *     }
 * }
 * }</pre>
 */
@Version("1.0.0")
package dev.switchboard.api.action;

import org.osgi.annotation.versioning.Version;
