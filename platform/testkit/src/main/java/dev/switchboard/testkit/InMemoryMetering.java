package dev.switchboard.testkit;

import dev.switchboard.api.PluginException;
import dev.switchboard.api.host.Metering;
import java.util.LinkedHashMap;
import java.util.Map;

/** The usage records of the in-memory host: one per idempotency key, as the platform keeps them. */
public final class InMemoryMetering implements Metering {

    /** One usage record. */
    public record Usage(String meter, long quantity, String idempotencyKey) {
    }

    private final Map<String, Usage> byKey = new LinkedHashMap<>();

    @Override
    public synchronized void record(String meter, long quantity, String idempotencyKey) throws PluginException {
        if (meter == null || !meter.matches("[a-z][a-z0-9_.-]{0," + (MAX_METER_CHARS - 1) + "}")) {
            throw new PluginException("a meter is named in lower case letters, digits and '_ . -', not '" + meter + "'");
        }
        if (quantity <= 0) {
            throw new PluginException("usage of " + meter + " must be positive, not " + quantity);
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_CHARS) {
            throw new PluginException("the idempotency key of a usage record is 1 to " + MAX_KEY_CHARS + " characters");
        }
        byKey.putIfAbsent(idempotencyKey, new Usage(meter, quantity, idempotencyKey));
    }

    /** The total recorded on a meter. */
    public synchronized long total(String meter) {
        return byKey.values().stream().filter(usage -> usage.meter().equals(meter)).mapToLong(Usage::quantity).sum();
    }

    /** Every record, in order. */
    public synchronized java.util.List<Usage> records() {
        return java.util.List.copyOf(byKey.values());
    }
}
