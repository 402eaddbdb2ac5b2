package dev.switchboard.core.crm.segments;

import dev.switchboard.core.crm.fields.CustomField;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.LocationId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What one compilation of a filter knows: the location (its contacts, its custom fields), its time
 * zone and the moment of compilation (relative dates such as "in the last 7 days" are days of the
 * location's calendar, fixed when the filter is compiled), and the violations found so far.
 */
public final class FilterContext {

    private final LocationId locationId;
    private final ZoneId zone;
    private final String country;
    private final Instant now;
    private final Supplier<Map<String, CustomField>> fieldsSupplier;
    private final Function<Target, LocalDate[]> ranges;
    private final Violations violations;
    private Map<String, CustomField> fields;

    FilterContext(LocationId locationId, ZoneId zone, String country, Instant now,
                  Supplier<Map<String, CustomField>> fields, Function<Target, LocalDate[]> ranges, Violations violations) {
        this.ranges = ranges;
        this.locationId = locationId;
        this.zone = zone;
        this.country = country;
        this.now = now;
        this.fieldsSupplier = fields;
        this.violations = violations;
    }

    public LocationId locationId() {
        return locationId;
    }

    /** The location's time zone. */
    public ZoneId zone() {
        return zone;
    }

    /** The location's country: phone numbers without a prefix are its. */
    public String country() {
        return country;
    }

    public Instant now() {
        return now;
    }

    /** Today in the location's time zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(now, zone);
    }

    /** The instant a day of the location's calendar starts. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The location's contact custom field with this key, read once per compilation. */
    public Optional<CustomField> customField(String key) {
        if (fields == null) {
            fields = fieldsSupplier.get();
        }
        return Optional.ofNullable(fields.get(key));
    }

    /** The least and greatest date a target holds in this location, or null when it holds none. */
    LocalDate[] valueRange(Target target) {
        return ranges.apply(target);
    }

    Violations violations() {
        return violations;
    }
}
