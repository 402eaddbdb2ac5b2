package dev.switchboard.api.webhook;

import dev.switchboard.api.PluginException;
import dev.switchboard.api.host.LocationContext;
import dev.switchboard.api.host.StepLog;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a webhook handler may use. A webhook call carries no login, so the handler names the location
 * it acts for (from the URL or the payload) and must check the caller against that location's
 * secret before it changes anything.
 */
@ProviderType
public interface WebhookContext {

    /**
     * The host's services for a location.
     *
     * @param locationId the location's id, typically a path segment of the webhook's URL (it is not a
     *     secret: the handler must still check the caller, with a signature under one of the location's
     *     settings)
     * @throws PluginException when there is no such location; let it through, and the host answers 404
     */
    LocationContext location(String locationId) throws PluginException;

    /** The server log, with the plugin's id. */
    StepLog log();
}
