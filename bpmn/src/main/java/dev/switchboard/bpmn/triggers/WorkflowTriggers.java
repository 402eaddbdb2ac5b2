package dev.switchboard.bpmn.triggers;

import dev.switchboard.bpmn.engine.WorkflowEngine;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.JsonColumns;
import dev.switchboard.core.events.DomainEvent;
import dev.switchboard.core.events.DomainEventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Starts workflows from platform events. The triggers of the latest version of each workflow are
 * kept in {@code workflow_trigger}; an event starts every matching workflow of its location, in the
 * transaction that marks the event dispatched.
 */
@ApplicationScoped
public class WorkflowTriggers implements DomainEventConsumer {

    private static final Logger LOG = Logger.getLogger(WorkflowTriggers.class.getName());

    @Inject
    Database db;

    @Inject
    WorkflowEngine engine;

    /** Records (or clears) the trigger of a workflow's newest version. Call inside the deploy transaction. */
    public void register(UUID locationId, String processKey, Optional<WorkflowTrigger> trigger) {
        if (trigger.isEmpty()) {
            db.update("DELETE FROM workflow_trigger WHERE location_id = ? AND process_key = ?", locationId, processKey);
            return;
        }
        db.update("""
                INSERT INTO workflow_trigger (location_id, process_key, event_type, match) VALUES (?, ?, ?, ?::jsonb)
                ON CONFLICT (location_id, process_key) DO UPDATE SET event_type = excluded.event_type,
                    match = excluded.match, updated_at = now()""",
                locationId, processKey, trigger.get().event(), JsonColumns.json(trigger.get().match()));
    }

    @Override
    public void onEvent(DomainEvent event) {
        Map<String, String> fields = new HashMap<>();
        event.payload().forEach((key, value) -> {
            if (value instanceof JsonString string) {
                fields.put(key, string.getString());
            }
        });
        for (String processKey : matching(event.locationId(), event.type(), fields)) {
            Map<String, Object> variables = new HashMap<>(fields);
            variables.put("eventId", event.id().toString());
            variables.put("eventType", event.type());
            String instanceId = engine.runtime().createProcessInstanceBuilder()
                    .processDefinitionKey(processKey)
                    .tenantId(event.locationId().toString())
                    .businessKey(fields.getOrDefault("contactId", event.id().toString()))
                    .variables(variables)
                    .start()
                    .getId();
            LOG.fine(() -> "Event " + event.type() + " " + event.id() + " started " + processKey + " as " + instanceId);
        }
    }

    List<String> matching(UUID locationId, String eventType, Map<String, String> fields) {
        record Row(String key, WorkflowTrigger trigger) { }
        return db.query("SELECT process_key, match::text FROM workflow_trigger WHERE location_id = ? AND event_type = ?",
                        row -> new Row(row.getString(1), new WorkflowTrigger(eventType, JsonColumns.strings(row.getString(2)))),
                        locationId, eventType)
                .stream()
                .filter(row -> TriggerMatcher.matches(row.trigger(), eventType, fields))
                .map(Row::key)
                .toList();
    }
}
