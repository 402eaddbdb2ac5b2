package dev.switchboard.core.tenancy;

import java.util.Objects;
import java.util.UUID;

/** The id of an agency: the tenant of its locations, users and theme. */
public record AgencyId(UUID value) implements TenantId {

    public AgencyId {
        Objects.requireNonNull(value, "an agency id");
    }

    public static AgencyId of(UUID value) {
        return new AgencyId(value);
    }

    public static AgencyId parse(String text) {
        return new AgencyId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
