package dev.switchboard.bpmn.actions;

import dev.switchboard.api.action.ActionContext;
import dev.switchboard.api.action.ActionException;
import dev.switchboard.api.action.ActionResult;
import dev.switchboard.api.action.ContactView;
import dev.switchboard.api.settings.PluginSettings;
import dev.switchboard.core.crm.contacts.Contact;
import dev.switchboard.core.crm.contacts.Contacts;
import dev.switchboard.core.plugins.Plugins;
import dev.switchboard.core.plugins.ResolvedAction;
import dev.switchboard.core.plugins.settings.PluginSettingsStore;
import dev.switchboard.core.templates.MergeFields;
import dev.switchboard.core.tenancy.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * The bridge from BPMN to plugins: every {@code sb:action} task runs through this one delegate,
 * which resolves the action id in the plugin registry at execution time, renders the task's inputs
 * with the contact's merge fields and calls the plugin. Stateless: the task's configuration is read
 * from the model on each call.
 */
@ApplicationScoped
public class ActionTaskDelegate implements JavaDelegate {

    @Inject
    Plugins plugins;

    @Inject
    Contacts contacts;

    @Inject
    TenantDirectory tenants;

    @Inject
    PluginSettingsStore settings;

    @Inject
    WorkflowStepLog stepLog;

    @Override
    public void execute(DelegateExecution execution) {
        ActionTask task = ActionTask.of(execution.getCurrentFlowElement())
                .orElseThrow(() -> new FlowableException("task " + execution.getCurrentActivityId() + " names no sb:action"));
        UUID locationId = UUID.fromString(execution.getTenantId());
        OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        Optional<ResolvedAction> resolved = plugins.registry().action(task.actionId());
        if (resolved.isEmpty()) {
            String error = "no active plugin provides action '" + task.actionId() + "'";
            stepLog.failed(locationId, execution.getProcessInstanceId(), step(task, null, "FAILED", null, error, startedAt));
            throw new FlowableException(error);
        }
        ResolvedAction action = resolved.get();
        Optional<Contact> contact = contactOf(execution, locationId);
        Map<String, String> mergeValues = mergeValues(locationId, contact);
        Map<String, String> inputs = new LinkedHashMap<>();
        task.inputs().forEach((name, template) -> inputs.put(name, MergeFields.render(template, mergeValues)));
        PluginSettings pluginSettings = settings.forPlugin(locationId, action.pluginId());
        String executionId = execution.getProcessInstanceId() + ":" + task.activityId();
        try {
            ActionResult result = action.action().execute(new Context(locationId.toString(), executionId, inputs,
                    contact.map(ActionTaskDelegate::view), pluginSettings));
            result.outputs().forEach((key, value) -> execution.setVariable(task.activityId() + "_" + key, value));
            stepLog.succeeded(locationId, execution.getProcessInstanceId(),
                    step(task, action, "COMPLETED", result.summary(), null, startedAt));
        } catch (ActionException | RuntimeException e) {
            String error = e instanceof ActionException ? e.getMessage()
                    : "plugin " + action.pluginId() + " failed: " + e;
            stepLog.failed(locationId, execution.getProcessInstanceId(), step(task, action, "FAILED", null, error, startedAt));
            throw new FlowableException(error, e);
        }
    }

    private Optional<Contact> contactOf(DelegateExecution execution, UUID locationId) {
        Object contactId = execution.getVariable("contactId");
        if (contactId == null) {
            return Optional.empty();
        }
        return contacts.find(locationId, UUID.fromString(contactId.toString()));
    }

    private Map<String, String> mergeValues(UUID locationId, Optional<Contact> contact) {
        Map<String, String> values = new HashMap<>();
        tenants.location(locationId).ifPresent(location -> values.put("location.name", location.name()));
        contact.ifPresent(c -> {
            putIfSet(values, "contact.id", c.id().toString());
            putIfSet(values, "contact.firstName", c.firstName());
            putIfSet(values, "contact.lastName", c.lastName());
            putIfSet(values, "contact.email", c.email());
        });
        return values;
    }

    private static void putIfSet(Map<String, String> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    private static ContactView view(Contact contact) {
        return new ContactView(contact.id().toString(), contact.firstName(), contact.lastName(), contact.email(),
                contact.tags());
    }

    private static WorkflowStepLog.Step step(ActionTask task, ResolvedAction action, String status, String summary,
                                             String error, OffsetDateTime startedAt) {
        return new WorkflowStepLog.Step(task.activityId(), task.actionId(), action == null ? null : action.pluginId(),
                action == null ? null : action.pluginVersion(), status, summary, error, startedAt,
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    private record Context(String locationId, String executionId, Map<String, String> inputs,
                           Optional<ContactView> contact, PluginSettings settings) implements ActionContext {
    }
}
