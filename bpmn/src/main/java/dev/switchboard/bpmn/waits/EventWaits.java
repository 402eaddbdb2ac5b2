package dev.switchboard.bpmn.waits;

import dev.switchboard.bpmn.engine.WorkflowEngine;
import dev.switchboard.bpmn.triggers.EventCondition;
import dev.switchboard.bpmn.triggers.TriggerMatcher;
import dev.switchboard.bpmn.triggers.WorkflowTrigger;
import dev.switchboard.core.crm.contacts.Contacts;
import dev.switchboard.core.events.DeliveryOutcome;
import dev.switchboard.core.events.DomainEvent;
import dev.switchboard.core.events.DomainEventConsumer;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flowable.bpmn.model.FlowElement;

/**
 * Ends waits for an event: a run waiting at a message catch event whose message is named after a
 * platform event type ({@code conversation.message_received} for a reply, {@code task.completed}, …)
 * goes on when that event happens for its contact, if the event carries the values the catch event's
 * {@code <sb:match>} elements ask for. The event's fields become run variables
 * {@code <catchEventId>_<field>}. After an event that changes a contact ({@code contact.*}), the runs
 * of that contact waiting until a condition holds have it evaluated again. Each run is moved on in a
 * transaction of its own; the engine leaves the wait in a job, so what follows fails that run alone.
 */
@ApplicationScoped
public class EventWaits implements DomainEventConsumer {

    /** Most runs of one contact one event moves on. */
    static final int MAX_RUNS_PER_EVENT = 100;
    /** Events that change a contact, after which the conditions its runs wait for are looked at again. */
    static final String CONTACT_EVENTS = "contact.";
    /** Most waits of one contact for one event type read, matching or not. */
    static final int MAX_WAITS_READ = 1000;

    private static final Logger LOG = Logger.getLogger(EventWaits.class.getName());

    @Inject
    WorkflowEngine engine;

    @Inject
    EventWaits self;

    @Inject
    Contacts contacts;

    @Override
    public String name() {
        return "workflow-waits";
    }

    @Override
    public DeliveryOutcome deliver(DomainEvent event) {
        if (!(event.payload().get("contactId") instanceof JsonString contact)) {
            return DeliveryOutcome.DELIVERED;
        }
        Map<String, String> fields = fields(event);
        RuntimeException failed = null;
        int moved = 0;
        for (WorkflowEngine.Waiting waiting : engine.waitingFor(event.locationId(), event.type(), contact.getString(),
                MAX_WAITS_READ)) {
            if (!matches(waiting, event, fields)) {
                continue;
            }
            if (++moved > MAX_RUNS_PER_EVENT) {
                LOG.warning(() -> "Event " + event.id() + " ends the waits of its first " + MAX_RUNS_PER_EVENT + " runs only");
                break;
            }
            try {
                self.moveOn(event.locationId(), waiting, event.type(), event.id(), fields);
            } catch (RuntimeException e) {
                // the others still get the event; this one is tried again with the delivery
                LOG.log(Level.WARNING, "Event " + event.id() + " could not end the wait of run " + waiting.processInstanceId(), e);
                failed = e;
            }
        }
        if (event.type().startsWith(CONTACT_EVENTS)) {
            for (String run : engine.waitingForConditions(event.locationId(), contact.getString(), MAX_WAITS_READ).stream()
                    .map(WorkflowEngine.Waiting::processInstanceId).distinct().limit(MAX_RUNS_PER_EVENT).toList()) {
                try {
                    self.reevaluate(event.locationId(), run);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Event " + event.id() + " could not look again at the conditions of run " + run, e);
                    failed = e;
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
        return DeliveryOutcome.DELIVERED;
    }

    /** One run's waits for a condition looked at again, after a change of its contact. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void reevaluate(LocationId locationId, String processInstanceId) {
        engine.reevaluateConditions(locationId, processInstanceId);
    }

    /** One run moved on past its wait, with the event's fields as its variables. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void moveOn(LocationId locationId, WorkflowEngine.Waiting waiting, String eventType, java.util.UUID eventId,
                       Map<String, String> fields) {
        Map<String, Object> variables = new HashMap<>();
        fields.forEach((field, value) -> variables.put(waiting.activityId() + "_" + field, value));
        engine.deliverMessage(locationId, waiting.executionId(), eventType, eventId, variables);
    }

    /**
     * Whether the event has the values the catch event's {@code <sb:match>} elements name, and meets its
     * {@code <sb:condition>}. A condition that fails is logged and not met: the run keeps waiting.
     */
    private boolean matches(WorkflowEngine.Waiting waiting, DomainEvent event, Map<String, String> fields) {
        FlowElement element = engine.model(waiting.processDefinitionId()).getFlowElement(waiting.activityId());
        if (element == null) {
            return true;
        }
        Map<String, String> match = WorkflowTrigger.matchOf(element.getExtensionElements());
        if (!TriggerMatcher.matches(new WorkflowTrigger(event.type(), match), event.type(), fields)) {
            return false;
        }
        Optional<String> condition = EventCondition.of(element.getExtensionElements());
        try {
            return condition.isEmpty() || EventCondition.holds(condition.get(), event.payload(),
                    contactId -> contacts.find(event.locationId(), contactId));
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "Run " + waiting.processInstanceId() + " keeps waiting at " + waiting.activityId()
                    + ": its condition failed on event " + event.id() + ": " + e.getMessage());
            return false;
        }
    }

    private static Map<String, String> fields(DomainEvent event) {
        Map<String, String> fields = new HashMap<>();
        event.payload().forEach((key, value) -> {
            if (value instanceof JsonString text) {
                fields.put(key, text.getString());
            } else if (value instanceof JsonNumber number) {
                fields.put(key, number.toString());
            } else if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                fields.put(key, value.toString());
            }
        });
        return fields;
    }
}
