package dev.switchboard.core.tenancy;

import dev.switchboard.core.db.Database;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Agencies and their locations. */
@ApplicationScoped
public class TenantDirectory {

    @Inject
    Database db;

    public Optional<Agency> agency(AgencyId agencyId) {
        return db.queryOne("SELECT id, name, theme_id FROM agency WHERE id = ?",
                row -> new Agency(row.getObject(1, UUID.class), row.getString(2), row.getString(3)), agencyId);
    }

    public boolean anyAgency() {
        return db.queryOne("SELECT 1 FROM agency LIMIT 1", row -> true).isPresent();
    }

    public List<Location> locations(AgencyId agencyId) {
        return db.query("SELECT id, agency_id, name FROM location WHERE agency_id = ? ORDER BY created_at, name",
                TenantDirectory::location, agencyId);
    }

    public Optional<Location> location(AgencyId agencyId, LocationId locationId) {
        return db.queryOne("SELECT id, agency_id, name FROM location WHERE agency_id = ? AND id = ?",
                TenantDirectory::location, agencyId, locationId);
    }

    /** The location by id alone: for background work that already carries a trusted tenant id. */
    public Optional<Location> location(LocationId locationId) {
        return db.queryOne("SELECT id, agency_id, name FROM location WHERE id = ?", TenantDirectory::location, locationId);
    }

    /** Longest agency or location name. */
    public static final int MAX_NAME = 200;

    /** Every agency of the installation; for the operator, in a system scope. */
    public List<Agency> agencies() {
        return db.query("SELECT id, name, theme_id FROM agency ORDER BY created_at, name",
                row -> new Agency(row.getObject(1, UUID.class), row.getString(2), row.getString(3)));
    }

    @Transactional
    public Agency createAgency(String name) {
        Agency agency = new Agency(UUID.randomUUID(), validName(name), "default");
        db.update("INSERT INTO agency (id, name, theme_id) VALUES (?, ?, ?)", agency.id(), agency.name(), agency.themeId());
        return agency;
    }

    @Transactional
    public Location createLocation(AgencyId agencyId, String name) {
        Location location = new Location(UUID.randomUUID(), agencyId.value(), validName(name));
        db.update("INSERT INTO location (id, agency_id, name) VALUES (?, ?, ?)", location.id(), agencyId, location.name());
        return location;
    }

    @Transactional
    public Agency changeTheme(AgencyId agencyId, String themeId) {
        db.update("UPDATE agency SET theme_id = ? WHERE id = ?", themeId, agencyId);
        return agency(agencyId).orElseThrow();
    }

    /** The name trimmed, or a 400 naming {@code /name}. */
    static String validName(String name) {
        Violations violations = new Violations();
        String valid = Texts.optional(name, "/name", MAX_NAME, violations);
        if (valid == null && violations.isEmpty()) {
            violations.field("name", "required, 1-" + MAX_NAME + " characters");
        }
        violations.throwIfAny();
        return valid;
    }

    private static Location location(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Location(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3));
    }
}
