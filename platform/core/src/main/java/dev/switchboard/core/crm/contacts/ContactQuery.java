package dev.switchboard.core.crm.contacts;

import java.util.List;
import java.util.UUID;

/**
 * What a contact list asks for: a search text, tags the contacts all have, an assignee, the sort
 * (createdAt, updatedAt, name or email; ascending or not), the page size and the cursor of the
 * page before; {@code deleted} lists the trash instead.
 */
public record ContactQuery(String query, List<String> tags, UUID assignedTo, String sort, boolean ascending,
                           int limit, String cursor, boolean deleted) {
}
