package dev.switchboard.core.plugins.host;

import dev.switchboard.api.PluginException;
import dev.switchboard.api.host.Metering;
import dev.switchboard.api.host.StepLog;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.tenancy.LocationId;
import java.util.regex.Pattern;

/** A plugin's usage records in one location, checked and written in the location's database scope. */
final class PluginMetering implements Metering {

    private static final Pattern METER = Pattern.compile("[a-z][a-z0-9_.-]{0," + (MAX_METER_CHARS - 1) + "}");

    private final UsageRecords records;
    private final LocationId locationId;
    private final String pluginId;
    private final StepLog log;

    PluginMetering(UsageRecords records, LocationId locationId, String pluginId, StepLog log) {
        this.records = records;
        this.locationId = locationId;
        this.pluginId = pluginId;
        this.log = log;
    }

    @Override
    public void record(String meter, long quantity, String idempotencyKey) throws PluginException {
        if (meter == null || !METER.matcher(meter).matches()) {
            throw new PluginException("a meter is named in lower case letters, digits and '_ . -', at most "
                    + MAX_METER_CHARS + " characters, not " + Texts.quote(meter));
        }
        if (quantity <= 0) {
            throw new PluginException("usage of " + meter + " must be positive, not " + quantity);
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_CHARS
                || Texts.unstorable(idempotencyKey) != null) {
            throw new PluginException("the idempotency key of a usage record is 1 to " + MAX_KEY_CHARS
                    + " characters of text, not " + Texts.quote(idempotencyKey));
        }
        boolean counted;
        try (DatabaseScope scope = DatabaseScope.location(locationId.value())) {
            counted = records.record(locationId, pluginId, meter, quantity, idempotencyKey);
        }
        if (!counted) {
            log.info("usage " + meter + " with key " + Texts.quote(idempotencyKey) + " was recorded before; counted once");
        }
    }
}
