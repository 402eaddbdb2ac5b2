package dev.switchboard.api.host;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Lines about what the plugin did, shown with the step in the run's log. Keep secrets and message
 * bodies out of it. Outside an action the lines go to the server log.
 */
@ProviderType
public interface StepLog {

    void info(String message);

    void warn(String message);
}
