package dev.switchboard.bpmn.triggers;

import dev.switchboard.bpmn.engine.WorkflowLimits;
import dev.switchboard.bpmn.runs.WorkflowRuns;
import dev.switchboard.core.crm.contacts.Contacts;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.JsonColumns;
import dev.switchboard.core.events.DeliveryOutcome;
import dev.switchboard.core.events.DomainEvent;
import dev.switchboard.core.events.DomainEventConsumer;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts workflows from platform events. The triggers of the latest version of each workflow are
 * kept in {@code workflow_trigger}; an event starts every matching workflow of its location, each in
 * a transaction of its own, so one workflow that cannot start never keeps the others from running: it
 * gets a FAILED run that says why. Starting only creates the run (its start event is asynchronous),
 * so no run's work happens here. A location with too many runs in flight has its events wait.
 */
@ApplicationScoped
public class WorkflowTriggers implements DomainEventConsumer {

    /** How long an event waits when its location has too many runs in flight. */
    static final Duration BACKPRESSURE_DELAY = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(WorkflowTriggers.class.getName());

    @Inject
    Database db;

    @Inject
    WorkflowStarter starter;

    @Inject
    WorkflowRuns runs;

    @Inject
    WorkflowLimits limits;

    @Inject
    Contacts contacts;

    @Override
    public String name() {
        return "workflow-triggers";
    }

    /** Records (or clears) the trigger of a workflow's newest version. Call inside the deploy transaction. */
    public void register(LocationId locationId, String processKey, Optional<WorkflowTrigger> trigger) {
        if (trigger.isEmpty()) {
            db.update("DELETE FROM workflow_trigger WHERE location_id = ? AND process_key = ?", locationId, processKey);
            return;
        }
        db.update("""
                INSERT INTO workflow_trigger (location_id, process_key, event_type, match, condition)
                VALUES (?, ?, ?, ?::jsonb, ?)
                ON CONFLICT (location_id, process_key) DO UPDATE SET event_type = excluded.event_type,
                    match = excluded.match, condition = excluded.condition, updated_at = now()""",
                locationId, processKey, trigger.get().event(), JsonColumns.json(trigger.get().match()),
                trigger.get().condition());
    }

    @Override
    public DeliveryOutcome deliver(DomainEvent event) {
        Map<String, String> fields = new HashMap<>();
        event.payload().forEach((key, value) -> {
            if (value instanceof JsonString string) {
                fields.put(key, string.getString());
            }
        });
        List<WorkflowTrigger.Registered> matched = matching(event.locationId(), event.type(), fields);
        if (matched.isEmpty()) {
            return DeliveryOutcome.DELIVERED;
        }
        int limit = limits.maxRunsInFlightPerLocation();
        int inFlight = runs.inFlight(event.locationId(), limit);
        if (inFlight >= limit) {
            return DeliveryOutcome.postpone(BACKPRESSURE_DELAY, "the location has " + inFlight
                    + " runs in flight, the limit (switchboard.workflows.max-runs-in-flight-per-location)");
        }
        for (WorkflowTrigger.Registered trigger : matched) {
            String key = trigger.processKey();
            // idempotent by event: a delivery repeated after a crash skips the workflows it already started
            if (runs.startedBy(event.id(), key)) {
                continue;
            }
            try {
                if (trigger.trigger().condition() != null && !EventCondition.holds(trigger.trigger().condition(),
                        event.payload(), contactId -> contacts.find(event.locationId(), contactId))) {
                    continue;
                }
                starter.start(event, key, fields);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Event " + event.id() + " could not start workflow " + key, e);
                starter.recordFailedStart(event, key, fields, e);
            }
        }
        return DeliveryOutcome.DELIVERED;
    }

    /** The location's workflows whose trigger names the event type and whose {@code <sb:match>} values the event has. */
    List<WorkflowTrigger.Registered> matching(LocationId locationId, String eventType, Map<String, String> fields) {
        return db.query("SELECT process_key, match::text, condition FROM workflow_trigger WHERE location_id = ? AND event_type = ?",
                        row -> new WorkflowTrigger.Registered(row.getString(1),
                                new WorkflowTrigger(eventType, JsonColumns.strings(row.getString(2)), row.getString(3))),
                        locationId, eventType)
                .stream()
                .filter(row -> TriggerMatcher.matches(row.trigger(), eventType, fields))
                .toList();
    }
}
