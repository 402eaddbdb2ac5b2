package dev.switchboard.core.crm.pipelines;

import java.util.UUID;

/**
 * A list of opportunities: filters (null: any), sort ({@code updatedAt} or {@code createdAt}) and
 * direction, page size and cursor.
 */
public record OpportunityQuery(UUID pipelineId, UUID pipelineStageId, UUID contactId, OpportunityStatus status,
                               UUID assignedTo, String sort, boolean ascending, int limit, String cursor) {
}
