package dev.switchboard.bpmn.workflows;

import dev.switchboard.bpmn.actions.ActionExecutions;
import dev.switchboard.bpmn.actions.ActionTaskValidator;
import dev.switchboard.bpmn.engine.WorkflowEngine;
import dev.switchboard.bpmn.engine.WorkflowLimits;
import dev.switchboard.bpmn.runs.WorkflowRuns;
import dev.switchboard.bpmn.triggers.DateTriggers;
import dev.switchboard.bpmn.triggers.ReentryPolicy;
import dev.switchboard.bpmn.triggers.WorkflowEntries;
import dev.switchboard.bpmn.triggers.WorkflowStarter;
import dev.switchboard.bpmn.triggers.WorkflowTrigger;
import dev.switchboard.bpmn.triggers.WorkflowTriggers;
import dev.switchboard.core.events.EventCatalog;
import dev.switchboard.core.events.EventType;
import dev.switchboard.core.plugins.actions.ActionCatalog;
import dev.switchboard.core.plugins.locations.PluginLocations;
import dev.switchboard.core.plugins.locations.WorkflowActionUsage;
import dev.switchboard.core.crm.contacts.Contacts;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.engine.history.HistoricActivityInstance;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.validation.ProcessValidator;

/**
 * Workflows of one location. The only way the API reaches the engine: every query here is
 * filtered by the location as Flowable tenant, so one location never sees another's workflows or runs.
 */
@ApplicationScoped
public class Workflows {

    @Inject
    WorkflowEngine engine;

    @Inject
    WorkflowTriggers triggers;

    @Inject
    DateTriggers dateTriggers;

    @Inject
    WorkflowRuns runs;

    @Inject
    ActionExecutions actionExecutions;

    @Inject
    EventCatalog events;

    @Inject
    WorkflowLimits limits;

    @Inject
    ActionCatalog actions;

    @Inject
    PluginLocations pluginLocations;

    @Inject
    WorkflowActionUsage actionUsage;

    @Inject
    RunIncidents incidents;

    @Inject
    WorkflowEntries entries;

    @Inject
    WorkflowStarter starter;

    @Inject
    WorkflowVersions versions;

    @Inject
    Contacts contacts;

    private final ProcessValidator validator = ActionTaskValidator.processValidator();

    /** Validates and deploys a BPMN document as the next version of its workflow. */
    @Transactional
    public WorkflowSummary deploy(LocationId locationId, String xml, String by) {
        return publish(locationId, xml, by, WorkflowVersions.Source.UPLOAD);
    }

    /** What a document must agree with to be published in the location now. */
    BpmnDocument.Rules rules(LocationId locationId) {
        return new BpmnDocument.Rules(
                id -> actions.find(id).filter(action -> pluginLocations.isEnabled(locationId, action.pluginId())),
                events.types().stream().collect(Collectors.toMap(EventType::name, EventType::fields, (a, b) -> a)),
                limits.maxMultiInstance());
    }

    ProcessValidator validator() {
        return validator;
    }

    /**
     * Checks and deploys a document as the next version of its workflow, in the caller's transaction:
     * the engine's deployment, the trigger (unless the workflow is turned off), the re-entry policy, the
     * actions it uses and who published it commit together.
     */
    @Transactional
    WorkflowSummary publish(LocationId locationId, String xml, String by, WorkflowVersions.Source source) {
        BpmnDocument document = BpmnDocument.parse(xml, validator, rules(locationId));
        document.dateTrigger().ifPresent(trigger -> dateTriggers.check(locationId, document.key(), trigger));
        Deployment deployment = engine.repository().createDeployment()
                .tenantId(locationId.toString())
                .name(document.name())
                .addString(document.key() + ".bpmn20.xml", document.xml())
                .deploy();
        boolean enabled = entries.register(locationId, document.key(), document.reentry());
        triggers.register(locationId, document.key(), enabled ? document.trigger() : Optional.empty());
        dateTriggers.register(locationId, document.key(), enabled ? document.dateTrigger() : Optional.empty());
        Map<String, String> actionPlugins = new HashMap<>();
        document.actionTasks().forEach(task -> actions.find(task.actionId())
                .ifPresent(action -> actionPlugins.put(action.id(), action.pluginId())));
        actionUsage.record(locationId, document.key(), actionPlugins);
        ProcessDefinition definition = engine.repository().createProcessDefinitionQuery()
                .deploymentId(deployment.getId()).processDefinitionTenantId(locationId.toString()).singleResult();
        versions.recordPublished(locationId, definition, by, source);
        if (!enabled) {
            versions.schedule(definition, false); // a workflow turned off keeps its schedule from firing
        }
        return summary(definition, deployment.getDeploymentTime(), document.trigger().orElse(null), document.reentry(),
                enabled);
    }

    /**
     * Starts the workflow's newest version for one contact, whatever its trigger, unless its re-entry
     * policy (or loop protection) keeps the contact out, which is a 409 saying why.
     */
    @Transactional
    public WorkflowRun startFor(LocationId locationId, String key, UUID contactId) {
        if (find(locationId, key).isEmpty()) {
            throw ProblemException.notFound("workflow " + key);
        }
        if (contacts.find(locationId, contactId).isEmpty()) {
            throw ProblemException.invalid(FieldError.field("contactId", "no contact " + contactId + " in this location"));
        }
        WorkflowStarter.Entry entry = starter.startFor(locationId, key, contactId, Map.of("eventType", "manual"));
        if (!entry.started()) {
            throw ProblemException.conflict(entry.refusal().reason());
        }
        return runs.find(locationId, entry.runId()).map(run -> summary(run, null, List.of()))
                .orElseThrow(() -> new IllegalStateException("run " + entry.runId() + " was not recorded"));
    }

    /** The newest version of each workflow, deleted ones left out. */
    public List<WorkflowSummary> list(LocationId locationId) {
        Map<String, WorkflowEntries.Setting> settings = entries.settings(locationId);
        return engine.repository().createProcessDefinitionQuery()
                .processDefinitionTenantId(locationId.toString())
                .latestVersion()
                .orderByProcessDefinitionName().asc()
                .list().stream()
                .filter(definition -> settings.get(definition.getKey()) == null || !settings.get(definition.getKey()).deleted())
                .map(definition -> summary(definition, settings.get(definition.getKey())))
                .toList();
    }

    public Optional<WorkflowSummary> find(LocationId locationId, String key) {
        WorkflowEntries.Setting setting = entries.setting(locationId, key);
        return setting.deleted() ? Optional.empty() : latest(locationId, key).map(definition -> summary(definition, setting));
    }

    /** The BPMN XML of the newest version. */
    public String bpmn(LocationId locationId, String key) {
        ProcessDefinition definition = latest(locationId, key)
                .orElseThrow(() -> ProblemException.notFound("workflow " + key));
        try (InputStream in = engine.repository().getResourceAsStream(definition.getDeploymentId(),
                definition.getResourceName())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<WorkflowRun> runs(LocationId locationId, String workflowKey, String contactId, String state, int limit) {
        return runs.list(locationId, workflowKey, contactId, state, limit).stream()
                .map(run -> summary(run, null, List.of())).toList();
    }

    public Optional<WorkflowRun> run(LocationId locationId, String runId) {
        return runs.find(locationId, runId)
                .map(run -> summary(run, incidents.of(locationId, run).orElse(null), steps(locationId, run)));
    }

    /**
     * Every element the run passed, in order, with the platform's record of each action step and the
     * flows the run took out of it: the engine's history gives the path (elements and the sequence
     * flows taken, ordered by time and, within one transaction, by the engine's order),
     * {@code action_execution} the attempts and outcome of each visit of an action task (matched to the
     * history by execution and visit).
     */
    private List<WorkflowRun.Step> steps(LocationId locationId, WorkflowRuns.Run run) {
        List<ActionExecutions.Step> actionSteps = actionExecutions.steps(locationId, run.id());
        Map<String, Integer> visits = new HashMap<>();
        List<WorkflowRun.Step> steps = new ArrayList<>();
        List<ActionExecutions.Step> shown = new ArrayList<>();
        Map<String, List<WorkflowRun.TakenFlow>> nextOfLatest = new HashMap<>();
        Map<String, BpmnModel> models = new HashMap<>();
        List<HistoricActivityInstance> history = new ArrayList<>(engine.history().createHistoricActivityInstanceQuery()
                .processInstanceId(run.id())
                .activityTenantId(locationId.toString())
                .list());
        history.sort(Comparator.comparing(HistoricActivityInstance::getStartTime)
                .thenComparing(activity -> activity.getTransactionOrder() == null ? 0 : activity.getTransactionOrder()));
        for (HistoricActivityInstance activity : history) {
            if ("sequenceFlow".equals(activity.getActivityType())) {
                FlowElement element = models.computeIfAbsent(activity.getProcessDefinitionId(), engine::model)
                        .getFlowElement(activity.getActivityId());
                if (element instanceof SequenceFlow flow && nextOfLatest.containsKey(flow.getSourceRef())) {
                    nextOfLatest.get(flow.getSourceRef()).add(new WorkflowRun.TakenFlow(flow.getId(), flow.getName(),
                            flow.getTargetRef(), blankToNull(flow.getConditionExpression())));
                }
                continue;
            }
            int visit = visits.merge(activity.getExecutionId() + "/" + activity.getActivityId(), 1, Integer::sum);
            Optional<ActionExecutions.Step> action = actionSteps.stream()
                    .filter(step -> step.activityId().equals(activity.getActivityId())
                            && step.executionId().equals(activity.getExecutionId()) && step.visit() == visit)
                    .findFirst();
            action.ifPresent(shown::add);
            List<WorkflowRun.TakenFlow> next = new ArrayList<>();
            nextOfLatest.put(activity.getActivityId(), next);
            steps.add(step(activity.getActivityId(), activity.getActivityName(), activity.getActivityType(),
                    time(activity.getStartTime()), time(activity.getEndTime()), action, next));
        }
        // steps the history does not show (migrated from an earlier version of the platform)
        actionSteps.stream().filter(step -> !shown.contains(step)).forEach(step -> steps.add(step(step.activityId(),
                null, "serviceTask", step.createdAt(), step.finishedAt(), Optional.of(step), List.of())));
        return steps;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static WorkflowRun summary(WorkflowRuns.Run run, RunIncidents.Incident incident, List<WorkflowRun.Step> steps) {
        return new WorkflowRun(run.id(), run.workflowKey(), run.workflowVersion(), run.contactId(), run.state(),
                run.error(), incident, run.startedAt(), run.endedAt(), steps);
    }

    private static WorkflowRun.Step step(String activityId, String name, String type, OffsetDateTime startedAt,
                                         OffsetDateTime endedAt, Optional<ActionExecutions.Step> action,
                                         List<WorkflowRun.TakenFlow> next) {
        return new WorkflowRun.Step(activityId, name, type, startedAt, endedAt,
                action.map(ActionExecutions.Step::actionId).orElse(null),
                action.map(ActionExecutions.Step::pluginId).orElse(null),
                action.map(ActionExecutions.Step::pluginVersion).orElse(null),
                action.map(ActionExecutions.Step::status).orElse(endedAt == null ? "RUNNING" : "COMPLETED"),
                action.map(ActionExecutions.Step::summary).orElse(null),
                action.map(ActionExecutions.Step::error).orElse(null),
                action.map(ActionExecutions.Step::attempts).orElse(0),
                action.map(ActionExecutions.Step::vendorId).orElse(null),
                action.map(step -> step.id().toString()).orElse(null),
                action.map(ActionExecutions.Step::log).orElse(List.of()),
                action.map(ActionExecutions.Step::inputs).orElse(Map.of()),
                action.map(ActionExecutions.Step::outputs).orElse(Map.of()),
                next);
    }

    Optional<ProcessDefinition> latest(LocationId locationId, String key) {
        return Optional.ofNullable(engine.repository().createProcessDefinitionQuery()
                .processDefinitionTenantId(locationId.toString())
                .processDefinitionKey(key)
                .latestVersion()
                .singleResult());
    }

    Date deploymentTime(ProcessDefinition definition) {
        return engine.repository().createDeploymentQuery().deploymentId(definition.getDeploymentId())
                .singleResult().getDeploymentTime();
    }

    /** A deployed version as listed: its trigger and re-entry policy read from its (cached) model. */
    WorkflowSummary summary(ProcessDefinition definition, WorkflowEntries.Setting setting) {
        BpmnModel model = engine.repository().getBpmnModel(definition.getId());
        Process process = model.getProcessById(definition.getKey());
        return summary(definition, deploymentTime(definition),
                process == null ? null : WorkflowTrigger.of(process).orElse(null),
                process == null ? ReentryPolicy.ALWAYS : ReentryPolicy.of(process), setting == null || setting.enabled());
    }

    private static WorkflowSummary summary(ProcessDefinition definition, Date deployedAt, WorkflowTrigger trigger,
                                           ReentryPolicy reentry, boolean enabled) {
        return new WorkflowSummary(definition.getKey(), definition.getName(), definition.getVersion(),
                definition.getId(), time(deployedAt), trigger, reentry.text(), enabled);
    }

    static OffsetDateTime time(Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
    }
}
