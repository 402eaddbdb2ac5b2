package dev.switchboard.core.events;

/**
 * A transaction appended events to the outbox (fired once per transaction, observed after it commits):
 * this node's dispatcher delivers them at once rather than at its next look.
 */
public record EventsAppended() {
}
