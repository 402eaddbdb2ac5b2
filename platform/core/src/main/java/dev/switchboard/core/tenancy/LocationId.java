package dev.switchboard.core.tenancy;

import java.util.Objects;
import java.util.UUID;

/** The id of a location: the tenant of contacts, workflows, runs and plugin settings. */
public record LocationId(UUID value) implements TenantId {

    public LocationId {
        Objects.requireNonNull(value, "a location id");
    }

    public static LocationId of(UUID value) {
        return new LocationId(value);
    }

    /** The location id in text form, such as a Flowable tenant id. */
    public static LocationId parse(String text) {
        return new LocationId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
