package dev.switchboard.plugins.email;

import dev.switchboard.api.action.WorkflowAction;
import dev.switchboard.api.settings.SettingsSchema;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Registers the plugin's contributions. Everything registered here is unregistered by the
 * framework when the bundle stops; the plugin opens no long-lived resources (one SMTP connection
 * per message), so there is nothing else to close.
 */
public final class EmailPluginActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        String version = context.getBundle().getVersion().toString();
        context.registerService(SettingsSchema.class, SmtpSettings.SCHEMA, null);
        context.registerService(WorkflowAction.class, new SendEmailAction(new SmtpMailer(version)), null);
    }

    @Override
    public void stop(BundleContext context) {
        // services are unregistered by the framework
    }
}
