package dev.switchboard.core.tenancy;

import java.util.UUID;

/** A location (sub-account): the tenant every CRM row, workflow and setting belongs to. */
public record Location(UUID id, UUID agencyId, String name) {
}
