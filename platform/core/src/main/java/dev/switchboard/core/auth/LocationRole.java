package dev.switchboard.core.auth;

/** A user's role in one location. */
public enum LocationRole {
    /** Everything in the location: contacts, workflows, plugin settings. */
    ADMIN,
    /** Daily work: reads everything, changes contacts. */
    USER,
    /** Reads, changes nothing. */
    READ_ONLY
}
