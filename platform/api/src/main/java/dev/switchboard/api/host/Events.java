package dev.switchboard.api.host;

import dev.switchboard.api.PluginException;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Emits events of the types this plugin declares (see {@link dev.switchboard.api.trigger.Trigger}).
 * An event is recorded in the platform's event outbox, in a transaction with its deliveries, and
 * starts every published workflow of the location whose trigger names its type and matches it.
 *
 * <pre>{@code
 * context.events().emit("webhook.received", contact.id(), Map.of("contactEmail", contact.email(), "body", json));
 * }</pre>
 */
@ProviderType
public interface Events {

    /**
     * @param type one of this plugin's declared event types
     * @param contactId the contact the event is about (a workflow it starts runs for that contact), or
     *     {@code null}
     * @param payload text values of the trigger's payload record components; workflows match and read them
     * @return the event's id
     * @throws PluginException when the type is not declared by this plugin, the contact does not exist,
     *     or the payload does not fit the declared payload record
     */
    String emit(String type, String contactId, Map<String, String> payload) throws PluginException;
}
