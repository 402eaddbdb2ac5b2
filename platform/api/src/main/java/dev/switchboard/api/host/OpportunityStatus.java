package dev.switchboard.api.host;

/** Where an opportunity stands, whatever its stage. New statuses may be added in a minor version. */
public enum OpportunityStatus {
    OPEN, WON, LOST, ABANDONED
}
