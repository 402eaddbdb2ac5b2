package dev.switchboard.bpmn.triggers;

import dev.switchboard.bpmn.engine.WorkflowEngine;
import dev.switchboard.bpmn.runs.WorkflowRuns;
import dev.switchboard.core.events.DomainEvent;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.engine.runtime.ProcessInstance;

/** Starts one workflow for one event, in a transaction of its own, and records the run. */
@ApplicationScoped
public class WorkflowStarter {

    private static final Logger LOG = Logger.getLogger(WorkflowStarter.class.getName());

    @Inject
    WorkflowEngine engine;

    @Inject
    WorkflowRuns runs;

    @Inject
    WorkflowEntries entries;

    /** What a start for a contact came to: a run, or why the contact did not enter. */
    public record Entry(String runId, WorkflowEntries.Refusal refusal) {

        public boolean started() {
            return runId != null;
        }
    }

    /**
     * Starts the workflow for the event, unless its contact may not enter it now (its re-entry policy,
     * or a loop stopped: that is recorded as a failed start).
     *
     * @return the run's id, or null when the contact did not enter
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String start(DomainEvent event, String workflowKey, Map<String, String> fields) {
        Optional<WorkflowEntries.Refusal> refusal = entries.refusal(event.locationId(), workflowKey, fields.get("contactId"));
        if (refusal.isPresent()) {
            refused(event.locationId(), workflowKey, fields.get("contactId"), event.id(), refusal.get());
            return null;
        }
        Map<String, Object> variables = new HashMap<>(fields);
        variables.put("eventId", event.id().toString());
        variables.put("eventType", event.type());
        ProcessInstance instance = engine.runtime().createProcessInstanceBuilder()
                .processDefinitionKey(workflowKey)
                .tenantId(event.locationId().toString())
                .businessKey(businessKey(event, fields))
                .variables(variables)
                .start();
        runs.started(instance.getId(), event.locationId(), workflowKey,
                instance.getProcessDefinitionVersion() == null ? 0 : instance.getProcessDefinitionVersion(),
                fields.get("contactId"), event.id());
        return instance.getId();
    }

    /**
     * Starts the published version of a workflow for a contact, whatever its trigger, in the caller's
     * transaction (a bulk action's round: a round that does not commit starts nothing), and records
     * the run.
     *
     * @param variables what the run knows besides the contact (its id is added as contactId)
     */
    @Transactional
    public Entry startFor(LocationId locationId, String workflowKey, UUID contactId, Map<String, Object> variables) {
        Optional<WorkflowEntries.Refusal> refusal = entries.refusal(locationId, workflowKey, contactId.toString());
        if (refusal.isPresent()) {
            refused(locationId, workflowKey, contactId.toString(), null, refusal.get());
            return new Entry(null, refusal.get());
        }
        Map<String, Object> all = new HashMap<>(variables);
        all.put("contactId", contactId.toString());
        ProcessInstance instance = engine.runtime().createProcessInstanceBuilder()
                .processDefinitionKey(workflowKey)
                .tenantId(locationId.toString())
                .businessKey(contactId.toString())
                .variables(all)
                .start();
        runs.started(instance.getId(), locationId, workflowKey,
                instance.getProcessDefinitionVersion() == null ? 0 : instance.getProcessDefinitionVersion(), contactId.toString(), null);
        return new Entry(instance.getId(), null);
    }

    /** A contact that did not enter: a stopped loop is reported once an hour as a failed start, the rest only logged. */
    private void refused(LocationId locationId, String workflowKey, String contactId, UUID eventId,
                         WorkflowEntries.Refusal refusal) {
        LOG.fine(() -> "Contact " + contactId + " does not enter " + workflowKey + ": " + refusal.reason());
        if (refusal.loop() && !entries.loopReported(locationId, workflowKey, contactId)) {
            runs.failedToStart(locationId, workflowKey, latestVersion(locationId, workflowKey), contactId, eventId,
                    "the run could not start: " + refusal.reason());
        }
    }

    private int latestVersion(LocationId locationId, String workflowKey) {
        try {
            ProcessDefinition latest = engine.repository().createProcessDefinitionQuery()
                    .processDefinitionTenantId(locationId.toString()).processDefinitionKey(workflowKey)
                    .latestVersion().singleResult();
            return latest == null ? 0 : latest.getVersion();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** The start failed and rolled back: record a FAILED run that says why. */
    public void recordFailedStart(DomainEvent event, String workflowKey, Map<String, String> fields, Exception failure) {
        int version = latest(event, workflowKey).map(ProcessDefinition::getVersion).orElse(0);
        runs.failedToStart(event.locationId(), workflowKey, version, fields.get("contactId"), event.id(),
                "the run could not start: " + rootMessage(failure));
    }

    private Optional<ProcessDefinition> latest(DomainEvent event, String workflowKey) {
        try {
            return Optional.ofNullable(engine.repository().createProcessDefinitionQuery()
                    .processDefinitionTenantId(event.locationId().toString()).processDefinitionKey(workflowKey)
                    .latestVersion().singleResult());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String businessKey(DomainEvent event, Map<String, String> fields) {
        return fields.getOrDefault("contactId", event.id().toString());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
