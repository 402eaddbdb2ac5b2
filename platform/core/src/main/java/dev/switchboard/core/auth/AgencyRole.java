package dev.switchboard.core.auth;

/** A user's role in their agency; it covers every location of the agency. */
public enum AgencyRole {
    /** Runs the agency: everything an admin may, and grants or revokes the owner role. */
    OWNER,
    /** Manages the agency's locations, users and theme, and works in every location as its admin. */
    ADMIN
}
