package dev.switchboard.core.tenancy;

import dev.switchboard.core.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The users who can work in the current location: not disabled, with an agency role or a role in the
 * location. What a contact, an opportunity or a task may be assigned to, and who a notification
 * reaches. Read in the location's scope (the users' table itself is not readable there).
 */
@ApplicationScoped
public class LocationUsers {

    @Inject
    Database db;

    /** Their ids, in the database's order. */
    public Set<UUID> available() {
        return new LinkedHashSet<>(db.query("SELECT u FROM switchboard_assignable_users() AS u",
                row -> row.getObject(1, UUID.class)));
    }
}
