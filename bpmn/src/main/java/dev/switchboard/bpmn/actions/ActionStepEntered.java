package dev.switchboard.bpmn.actions;

import java.util.UUID;

/** A run entered an action task: a step now waits for a worker (fired as a CDI event, observed after commit). */
public record ActionStepEntered(UUID stepId) {
}
