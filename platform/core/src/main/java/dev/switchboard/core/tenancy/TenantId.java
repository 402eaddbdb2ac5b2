package dev.switchboard.core.tenancy;

import dev.switchboard.core.db.SqlValue;
import java.util.UUID;

/**
 * The id of a tenant: an agency or a location. A type of its own, so that an agency's id is never
 * passed where a location's is expected, and the database binds it as the UUID it is.
 */
public sealed interface TenantId extends SqlValue permits AgencyId, LocationId {

    UUID value();

    @Override
    default Object sqlValue() {
        return value();
    }
}
