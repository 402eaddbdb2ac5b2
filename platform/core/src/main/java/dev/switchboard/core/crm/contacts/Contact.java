package dev.switchboard.core.crm.contacts;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** A person a location does business with. */
public record Contact(UUID id, UUID locationId, String firstName, String lastName, String email, Set<String> tags,
                      OffsetDateTime createdAt) {
}
