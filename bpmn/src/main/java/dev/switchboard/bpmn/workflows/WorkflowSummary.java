package dev.switchboard.bpmn.workflows;

import dev.switchboard.bpmn.triggers.WorkflowTrigger;
import java.time.OffsetDateTime;

/** The newest version of a workflow. */
public record WorkflowSummary(String key, String name, int version, String processDefinitionId,
                              OffsetDateTime deployedAt, WorkflowTrigger trigger) {
}
