package dev.switchboard.bpmn.workflows;

import dev.switchboard.bpmn.actions.ActionTaskValidator;
import dev.switchboard.bpmn.actions.WorkflowStepLog;
import dev.switchboard.bpmn.engine.WorkflowEngine;
import dev.switchboard.bpmn.triggers.WorkflowTrigger;
import dev.switchboard.bpmn.triggers.WorkflowTriggers;
import dev.switchboard.core.plugins.Plugins;
import dev.switchboard.core.problems.ProblemException;
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
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.Process;
import org.flowable.engine.history.HistoricActivityInstance;
import org.flowable.engine.history.HistoricProcessInstance;
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
    WorkflowStepLog stepLog;

    @Inject
    Plugins plugins;

    private final ProcessValidator validator = ActionTaskValidator.processValidator();

    /** Validates and deploys a BPMN document as the next version of its workflow. */
    @Transactional
    public WorkflowSummary deploy(UUID locationId, String xml) {
        BpmnDocument document = BpmnDocument.parse(xml, validator,
                actionId -> plugins.registry().action(actionId).map(action -> action.action().descriptor()));
        Deployment deployment = engine.repository().createDeployment()
                .tenantId(locationId.toString())
                .name(document.name())
                .addString(document.key() + ".bpmn20.xml", document.xml())
                .deploy();
        triggers.register(locationId, document.key(), document.trigger());
        ProcessDefinition definition = engine.repository().createProcessDefinitionQuery()
                .deploymentId(deployment.getId()).processDefinitionTenantId(locationId.toString()).singleResult();
        return summary(definition, deployment.getDeploymentTime(), document.trigger());
    }

    public List<WorkflowSummary> list(UUID locationId) {
        return engine.repository().createProcessDefinitionQuery()
                .processDefinitionTenantId(locationId.toString())
                .latestVersion()
                .orderByProcessDefinitionName().asc()
                .list().stream()
                .map(definition -> summary(definition, deploymentTime(definition), trigger(definition)))
                .toList();
    }

    public Optional<WorkflowSummary> find(UUID locationId, String key) {
        return latest(locationId, key).map(definition -> summary(definition, deploymentTime(definition), trigger(definition)));
    }

    /** The BPMN XML of the newest version. */
    public String bpmn(UUID locationId, String key) {
        ProcessDefinition definition = latest(locationId, key)
                .orElseThrow(() -> ProblemException.notFound("workflow " + key));
        try (InputStream in = engine.repository().getResourceAsStream(definition.getDeploymentId(),
                definition.getResourceName())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<WorkflowRun> runs(UUID locationId, String workflowKey, String contactId, int limit) {
        var query = engine.history().createHistoricProcessInstanceQuery()
                .processInstanceTenantId(locationId.toString())
                .orderByProcessInstanceStartTime().desc();
        if (workflowKey != null) {
            query.processDefinitionKey(workflowKey);
        }
        if (contactId != null) {
            query.processInstanceBusinessKey(contactId);
        }
        return query.listPage(0, limit).stream().map(instance -> run(locationId, instance, false)).toList();
    }

    public Optional<WorkflowRun> run(UUID locationId, String runId) {
        return Optional.ofNullable(engine.history().createHistoricProcessInstanceQuery()
                        .processInstanceTenantId(locationId.toString())
                        .processInstanceId(runId)
                        .singleResult())
                .map(instance -> run(locationId, instance, true));
    }

    private WorkflowRun run(UUID locationId, HistoricProcessInstance instance, boolean withSteps) {
        boolean failed = instance.getEndTime() == null && engine.management().createDeadLetterJobQuery()
                .processInstanceId(instance.getId()).count() > 0;
        String state = instance.getEndTime() != null ? "COMPLETED" : failed ? "FAILED" : "RUNNING";
        List<WorkflowRun.Step> steps = new ArrayList<>();
        if (withSteps) {
            List<WorkflowStepLog.Step> actionSteps = stepLog.steps(locationId, instance.getId());
            for (HistoricActivityInstance activity : engine.history().createHistoricActivityInstanceQuery()
                    .processInstanceId(instance.getId())
                    .activityTenantId(locationId.toString())
                    .orderByHistoricActivityInstanceStartTime().asc()
                    .list()) {
                if (!"sequenceFlow".equals(activity.getActivityType())) {
                    steps.add(step(activity.getActivityId(), activity.getActivityName(), activity.getActivityType(),
                            time(activity.getStartTime()), time(activity.getEndTime()), actionSteps));
                }
            }
            // an action whose attempts all failed left no history (each attempt rolled back): show it from the log
            List<String> withoutHistory = actionSteps.stream().map(WorkflowStepLog.Step::activityId).distinct()
                    .filter(activityId -> steps.stream().noneMatch(step -> step.activityId().equals(activityId)))
                    .toList();
            withoutHistory.forEach(activityId -> {
                FlowElement element = engine.repository().getBpmnModel(instance.getProcessDefinitionId())
                        .getFlowElement(activityId);
                steps.add(step(activityId, element == null ? null : element.getName(), "serviceTask",
                        actionSteps.stream().filter(log -> log.activityId().equals(activityId))
                                .map(WorkflowStepLog.Step::startedAt).findFirst().orElse(null),
                        null, actionSteps));
            });
        }
        return new WorkflowRun(instance.getId(), instance.getProcessDefinitionKey(),
                instance.getProcessDefinitionVersion() == null ? 0 : instance.getProcessDefinitionVersion(),
                instance.getBusinessKey(), state, time(instance.getStartTime()), time(instance.getEndTime()), steps);
    }

    /** A step of a run, with the outcome of its last attempt when it is an action. */
    private static WorkflowRun.Step step(String activityId, String name, String type, OffsetDateTime startedAt,
                                         OffsetDateTime endedAt, List<WorkflowStepLog.Step> actionSteps) {
        List<WorkflowStepLog.Step> attempts = actionSteps.stream()
                .filter(log -> log.activityId().equals(activityId)).toList();
        Optional<WorkflowStepLog.Step> last = attempts.isEmpty() ? Optional.empty()
                : Optional.of(attempts.get(attempts.size() - 1));
        return new WorkflowRun.Step(activityId, name, type, startedAt, endedAt,
                last.map(WorkflowStepLog.Step::actionId).orElse(null),
                last.map(WorkflowStepLog.Step::pluginId).orElse(null),
                last.map(WorkflowStepLog.Step::pluginVersion).orElse(null),
                last.map(WorkflowStepLog.Step::status).orElse(endedAt == null ? "RUNNING" : "COMPLETED"),
                last.map(WorkflowStepLog.Step::summary).orElse(null),
                last.map(WorkflowStepLog.Step::error).orElse(null),
                attempts.size());
    }

    private Optional<ProcessDefinition> latest(UUID locationId, String key) {
        return Optional.ofNullable(engine.repository().createProcessDefinitionQuery()
                .processDefinitionTenantId(locationId.toString())
                .processDefinitionKey(key)
                .latestVersion()
                .singleResult());
    }

    private Date deploymentTime(ProcessDefinition definition) {
        return engine.repository().createDeploymentQuery().deploymentId(definition.getDeploymentId())
                .singleResult().getDeploymentTime();
    }

    private WorkflowTrigger trigger(ProcessDefinition definition) {
        BpmnModel model = engine.repository().getBpmnModel(definition.getId());
        Process process = model.getProcessById(definition.getKey());
        return process == null ? null : WorkflowTrigger.of(process).orElse(null);
    }

    private static WorkflowSummary summary(ProcessDefinition definition, Date deployedAt,
                                           Optional<WorkflowTrigger> trigger) {
        return summary(definition, deployedAt, trigger.orElse(null));
    }

    private static WorkflowSummary summary(ProcessDefinition definition, Date deployedAt, WorkflowTrigger trigger) {
        return new WorkflowSummary(definition.getKey(), definition.getName(), definition.getVersion(),
                definition.getId(), time(deployedAt), trigger);
    }

    private static OffsetDateTime time(Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
    }
}
