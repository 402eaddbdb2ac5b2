package dev.switchboard.api.host;

import dev.switchboard.api.PluginException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Usage records: what the location used of this plugin (messages sent, minutes, lookups), which the
 * agency bills for. The platform sums them per plugin and meter ({@code GET
 * /api/v1/locations/{locationId}/usage}).
 *
 * <pre>{@code
 * context.metering().record("sms.segments", segments, context.idempotencyKey());
 * }</pre>
 */
@ProviderType
public interface Metering {

    /** Longest meter name. */
    int MAX_METER_CHARS = 100;

    /** Longest idempotency key. */
    int MAX_KEY_CHARS = 200;

    /**
     * Records usage. Records with the same idempotency key count once, so a retried step does not
     * bill twice; in an action, pass {@code context.idempotencyKey()} (with a suffix per meter when
     * one step records several).
     *
     * @param meter the plugin's name for what is counted, lower case: {@code sms.segments}
     * @param quantity how much, positive
     * @param idempotencyKey what makes this record unique for this plugin in this location
     * @throws PluginException when the meter, quantity or key is not valid
     */
    void record(String meter, long quantity, String idempotencyKey) throws PluginException;
}
