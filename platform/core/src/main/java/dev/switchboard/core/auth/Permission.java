package dev.switchboard.core.auth;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an operation of the API needs. Each endpoint declares one; which roles grant it is decided
 * here and nowhere else (see docs/security.md for the table).
 */
public enum Permission {

    /** Install, update and remove plugin code; platform-wide. */
    PLATFORM_PLUGINS(Level.PLATFORM),
    /** Create and list agencies. */
    PLATFORM_AGENCIES(Level.PLATFORM),
    /** See one's own user, roles and agency; sign out; choose one's own theme. */
    SELF(Level.AGENCY),
    /** See which plugins are installed. */
    PLUGINS_READ(Level.AGENCY),
    /** Change the agency's theme. */
    AGENCY_THEME(Level.AGENCY),
    /** Create the agency's locations. */
    AGENCY_LOCATIONS(Level.AGENCY),
    /** Create users, change their roles, disable them. */
    AGENCY_USERS(Level.AGENCY),
    /** Read what the agency's locations used of the plugins (what billing charges for). */
    AGENCY_USAGE(Level.AGENCY),
    /** Read a location's contacts, workflows, runs and settings. */
    LOCATION_READ(Level.LOCATION),
    /** Create and change a location's contacts. */
    LOCATION_CONTACTS(Level.LOCATION),
    /** Deploy a location's workflows. */
    LOCATION_WORKFLOWS(Level.LOCATION),
    /** Change a location's plugin settings. */
    LOCATION_SETTINGS(Level.LOCATION);

    /** Where a permission applies. */
    public enum Level {
        PLATFORM, AGENCY, LOCATION
    }

    private final Level level;

    Permission(Level level) {
        this.level = level;
    }

    public Level level() {
        return level;
    }

    /** The permission as it is named in documents: {@code LOCATION_READ} is {@code location.read}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replaceFirst("_", ".").replace('_', '-');
    }

    /** What every signed-in user of an agency may do. */
    static final Set<Permission> MEMBER = EnumSet.of(SELF, PLUGINS_READ);

    /** What an agency role grants in the agency; owners and admins alike (only owners make owners, see Users). */
    static Set<Permission> agencyRole() {
        return EnumSet.of(SELF, PLUGINS_READ, AGENCY_THEME, AGENCY_LOCATIONS, AGENCY_USERS, AGENCY_USAGE);
    }

    static Set<Permission> of(LocationRole role) {
        return switch (role) {
            case ADMIN -> EnumSet.of(LOCATION_READ, LOCATION_CONTACTS, LOCATION_WORKFLOWS, LOCATION_SETTINGS);
            case USER -> EnumSet.of(LOCATION_READ, LOCATION_CONTACTS);
            case READ_ONLY -> EnumSet.of(LOCATION_READ);
        };
    }

    static Set<Permission> operator() {
        return EnumSet.of(PLATFORM_PLUGINS, PLATFORM_AGENCIES);
    }
}
