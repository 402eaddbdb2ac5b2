package dev.switchboard.core.crm.contacts;

import dev.switchboard.core.db.Database;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Whether a contact is there for the records hanging off it (notes, tasks): a deleted contact's are
 * as not found as the contact itself, until it is restored.
 */
@ApplicationScoped
public class LiveContacts {

    @Inject
    Database db;

    /** @throws ProblemException 404 when the location has no such contact, or it is deleted */
    public void require(LocationId locationId, UUID contactId) {
        if (db.queryOne("SELECT 1 FROM contact WHERE location_id = ? AND id = ? AND deleted_at IS NULL", row -> true,
                locationId, contactId).isEmpty()) {
            throw ProblemException.notFound("contact " + contactId);
        }
    }
}
