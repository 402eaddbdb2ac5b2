package dev.switchboard.core.crm.history;

import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One entry of a contact's timeline. {@code kind} says which members it has:
 * {@code change} (field, before, after, actor; {@code subjectType} CONTACT or OPPORTUNITY),
 * {@code note} (body, actor), {@code task} (title, body, status open or completed),
 * {@code opportunity} (title, status, refId: the pipeline), {@code workflowRun} (title: the workflow,
 * status: the run's state), {@code merge} (refId: the duplicate, body: what moved, actor).
 */
public record TimelineItem(
        @Schema(enumeration = {"change", "note", "task", "opportunity", "workflowRun", "merge"}) String kind,
        OffsetDateTime at,
        @Schema(description = "The id of the entry's own record (change, note, task, opportunity, run or merge)") String id,
        String subjectType,
        @Schema(description = "The changed field: a contact field, customFields.<key>, or created, deleted, restored, merged")
        String field,
        JsonValue before,
        JsonValue after,
        @Schema(enumeration = {"USER", "WORKFLOW", "PLUGIN", "SYSTEM"}) String actorType,
        String actorId,
        String title,
        String body,
        String status,
        String refId) {
}
