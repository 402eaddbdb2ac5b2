package dev.switchboard.core.auth;

/** What a user may do. Finer, per-location roles come with RBAC. */
public enum Role {
    /** Manages the agency: its locations, users, plugins and theme. */
    AGENCY_ADMIN
}
