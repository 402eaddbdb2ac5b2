package dev.switchboard.bpmn.workflows;

import dev.switchboard.bpmn.triggers.WorkflowTrigger;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The newest version of a workflow.
 *
 * @param reentry may a contact enter again: {@code always}, {@code once}, or once per so many days ({@code P30D})
 */
public record WorkflowSummary(String key, String name, int version, String processDefinitionId,
                              OffsetDateTime deployedAt, WorkflowTrigger trigger,
                              @Schema(description = "May a contact enter again: always, once (ever), or once per so many"
                                      + " days (P30D); the process's sb:reentry", example = "always") String reentry,
                              @Schema(description = "false: turned off, it starts no run (its running runs go on)")
                              boolean enabled) {
}
