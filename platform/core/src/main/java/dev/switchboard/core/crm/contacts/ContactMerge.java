package dev.switchboard.core.crm.contacts;

import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A merge of a duplicate into a contact, and what moved. */
public record ContactMerge(
        UUID id,
        UUID primaryId,
        UUID duplicateId,
        @Schema(enumeration = {"USER", "WORKFLOW", "PLUGIN", "SYSTEM"}) String actorType,
        String actorId,
        @Schema(description = "What moved: tags added, counts of custom values, notes, tasks, opportunities,"
                + " workflow runs and history rows", example = "{\"tags\": [\"webinar\"], \"customValues\": 1, \"notes\": 2,"
                + " \"tasks\": 0, \"opportunities\": 1, \"workflowRuns\": 1, \"history\": 4}")
        JsonObject moved,
        OffsetDateTime mergedAt) {
}
