package dev.switchboard.bpmn.engine;

import dev.switchboard.bpmn.actions.ActionExecutions;
import dev.switchboard.bpmn.actions.ActionTaskBehavior;
import dev.switchboard.bpmn.actions.ActionTaskParseHandler;
import dev.switchboard.bpmn.actions.ActionTaskValidator;
import dev.switchboard.bpmn.actions.BuiltInSteps;
import dev.switchboard.bpmn.profile.ExpressionValues;
import dev.switchboard.bpmn.profile.RefusedElementParseHandler;
import dev.switchboard.bpmn.profile.RefusingListenerFactory;
import dev.switchboard.bpmn.profile.SafeExpressionManager;
import dev.switchboard.bpmn.runs.RunStateListener;
import dev.switchboard.bpmn.runs.WorkflowRuns;
import dev.switchboard.core.crm.contacts.Contact;
import dev.switchboard.core.crm.contacts.Contacts;
import dev.switchboard.core.crm.values.CustomValues;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.nodes.NodeIdentity;
import dev.switchboard.core.tenancy.LocationId;
import dev.switchboard.core.tenancy.TenantDirectory;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.variable.VariableContainer;
import org.flowable.common.engine.impl.async.DefaultAsyncTaskExecutor;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.impl.cfg.JtaProcessEngineConfiguration;
import org.flowable.engine.impl.cmd.TriggerCmd;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.job.service.JobServiceConfiguration;
import org.flowable.job.service.impl.persistence.entity.AbstractRuntimeJobEntity;

/**
 * The Flowable engine, on the platform's JTA data source and Payara's transaction manager, so
 * engine and platform writes share one transaction. Its async executor runs jobs on the server's
 * managed threads, under this node's stable name, so a restarted node takes back its own jobs at once.
 * Tenant = location id; Flowable filters nothing by tenant itself, so only {@code Workflows} queries it
 * on behalf of users.
 *
 * <p>The platform's profile of the engine: every start event is asynchronous, {@code sb:action}
 * tasks are wait states whose plugin calls the {@code ActionWorker} makes, multi-instance
 * activities and the steps of a transaction are bounded by {@link WorkflowLimits}, and
 * {@code workflow_run} follows every run.
 */
@ApplicationScoped
public class WorkflowEngine {

    private static final Logger LOG = Logger.getLogger(WorkflowEngine.class.getName());
    private static final String TRANSACTION_MANAGER = "java:appserver/TransactionManager";
    /** Process definitions kept parsed in memory; others are parsed again when a run needs them. */
    private static final int DEFINITION_CACHE_SIZE = 500;

    @Inject
    Database database;

    @Inject
    NodeIdentity node;

    @Inject
    WorkflowLimits limits;

    @Inject
    ActionExecutions actionExecutions;

    @Inject
    BuiltInSteps builtInSteps;

    @Inject
    WorkflowRuns runs;

    @Inject
    Contacts contacts;

    @Inject
    CustomValues customValues;

    @Inject
    TenantDirectory tenants;

    @Resource
    ManagedThreadFactory threadFactory;

    private ProcessEngine engine;
    /** Jobs one acquisition takes, as many as the job threads and their queue can hold. */
    static final int ASYNC_JOBS_PER_ACQUISITION = 32;
    /** Due timers one acquisition moves to the job queue. */
    static final int TIMERS_PER_ACQUISITION = 256;

    /**
     * Builds the engine. Its job executor does not run yet: first the node's work left from before a
     * crash is recovered, then {@link #startJobExecutor()}.
     *
     * @return what stops it again; it holds the engine itself, not this bean, so it also works from a
     *     JVM shutdown hook after the server has torn down CDI
     */
    public synchronized AutoCloseable start() {
        long startedAt = System.nanoTime();
        DefaultAsyncTaskExecutor taskExecutor = new DefaultAsyncTaskExecutor();
        taskExecutor.setThreadFactory(threadFactory);
        taskExecutor.start();

        JtaProcessEngineConfiguration config = new JtaProcessEngineConfiguration();
        config.setTransactionManager(transactionManager());
        config.setDataSource(database.dataSource());
        config.setDatabaseSchemaUpdate("true");
        config.setIdGenerator(new StrongUuidGenerator());
        config.setHistoryLevel(HistoryLevel.AUDIT);
        config.setEnableSafeBpmnXml(true);
        config.setProcessValidator(ActionTaskValidator.processValidator());
        config.setProcessDefinitionCacheLimit(DEFINITION_CACHE_SIZE);
        config.setActivityBehaviorFactory(new LimitedActivityBehaviorFactory(limits.maxMultiInstance()));
        config.setPreBpmnParseHandlers(List.of(new AsyncStartParseHandler(), new AsyncLeaveParseHandler(),
                new CalledWorkflowParseHandler(),
                ActionTaskParseHandler.before()));
        config.setPostBpmnParseHandlers(List.of(new RefusedElementParseHandler(), ActionTaskParseHandler.after(
                () -> new ActionTaskBehavior(actionExecutions, builtInSteps, contacts, customValues, tenants, limits))));
        // the profile at run time: FEEL only, no listeners, no scripts (BpmnProfile checks it at deploy)
        config.setExpressionManager(new SafeExpressionManager(this::expressionVariables));
        config.setListenerFactory(new RefusingListenerFactory());
        config.setScriptEngine(() -> {
            throw new FlowableException("scripts are not part of the platform's profile");
        });
        config.addAgendaOperationExecutionListener(new OperationsPerTransactionLimit(limits.maxOperationsPerTransaction()));
        config.setEventListeners(List.of(new RunStateListener(runs), new TenantBoundaryListener()));
        config.setAsyncTaskExecutor(taskExecutor);
        config.setAsyncExecutorActivate(false);
        config.setAsyncExecutorDefaultAsyncJobAcquireWaitTime(200);
        config.setAsyncExecutorDefaultTimerJobAcquireWaitTime(500);
        // the engine's defaults take one job (and one due timer) per acquisition: a thousand runs started
        // or timers due at once would wait for a thousand round trips
        config.setAsyncExecutorMaxAsyncJobsDuePerAcquisition(ASYNC_JOBS_PER_ACQUISITION);
        config.setAsyncExecutorMaxTimerJobsPerAcquisition(TIMERS_PER_ACQUISITION);
        config.getAsyncExecutorConfiguration().setLockOwner(node.id());
        // a node that died holding a job gives it back when it starts again or when the others notice
        // (PlatformNodes); this lock time only matters if neither happens
        config.setAsyncExecutorAsyncJobLockTimeInMillis(5 * 60 * 1000);
        config.setAsyncFailedJobWaitTime(2);
        config.setDefaultFailedJobWaitTime(2);
        config.setAddDefaultExceptionHandler(false);
        config.setCustomAsyncRunnableExecutionExceptionHandlers(List.of(new FlatJobFailureHandler()));
        // built last: it takes the settings above from the engine's async executor configuration
        config.setAsyncExecutor(new ManagedAsyncJobExecutor(config.getAsyncExecutorConfiguration(), threadFactory,
                new RunningJobs(database, node.id())));
        ProcessEngine started = config.buildProcessEngine();
        engine = started;
        LOG.info(() -> "Workflow engine started in " + (System.nanoTime() - startedAt) / 1_000_000 + " ms (node "
                + node.id() + ")");
        return () -> {
            started.close();
            taskExecutor.shutdown();
        };
    }

    /**
     * What an expression of a run sees: the run's variables, and {@code contact} (the run's contact's
     * fields) when the expression mentions it.
     */
    private Map<String, Object> expressionVariables(VariableContainer container, String expression) {
        Map<String, Object> variables = new LinkedHashMap<>(SafeExpressionManager.variablesOf(container));
        if (expression.contains("contact") && container.getTenantId() != null && !container.getTenantId().isEmpty()) {
            Object contactId = container.getVariable("contactId");
            Optional<Contact> contact = Optional.empty();
            try {
                contact = contactId == null ? Optional.empty()
                        : contacts.find(LocationId.parse(container.getTenantId()), UUID.fromString(contactId.toString()));
            } catch (IllegalArgumentException notAnId) {
                // a run without a contact of this location sees contact as null
            }
            variables.put("contact", contact.map(ExpressionValues::contact).orElse(null));
        }
        return variables;
    }

    /** Starts running jobs and timers; call once this node's earlier work is recovered. */
    public void startJobExecutor() {
        engine.getProcessEngineConfiguration().getAsyncExecutor().start();
    }

    /**
     * Moves a run on past a completed action step, in a job of its own (with the engine's retries and
     * failure handling). Nothing happens when the run no longer waits at that step's task.
     *
     * @return whether the run waits there (and a job now moves it on)
     */
    public boolean continueAfterStep(String executionId, String activityId) {
        return trigger(executionId, activityId, true);
    }

    /**
     * Moves a run on past a completed action step in the caller's transaction: the task is left and the
     * run goes on to its next wait. Nothing happens when the run no longer waits at that step's task.
     *
     * @throws RuntimeException whatever the engine met: another move of the same run (an optimistic
     *     locking conflict), or a failure in the elements that follow; the caller's transaction is then
     *     marked for rollback
     */
    public void continueNow(String executionId, String activityId) {
        trigger(executionId, activityId, false);
    }

    /** Whether the execution has a job of any kind: due, waiting for a retry, parked or suspended. */
    private boolean hasJob(String executionId) {
        return database.queryOne("""
                SELECT 1 FROM act_ru_job WHERE execution_id_ = ?
                UNION ALL SELECT 1 FROM act_ru_timer_job WHERE execution_id_ = ?
                UNION ALL SELECT 1 FROM act_ru_deadletter_job WHERE execution_id_ = ?
                UNION ALL SELECT 1 FROM act_ru_suspended_job WHERE execution_id_ = ?
                LIMIT 1""", row -> true, executionId, executionId, executionId, executionId).isPresent();
    }

    private boolean trigger(String executionId, String activityId, boolean async) {
        // one command: the execution looked up (it may have ended or moved on meanwhile) and, if it waits
        // at the task, triggered; an exception out of a command marks the caller's transaction rollback-only
        return engine.getManagementService().executeCommand(context -> {
            ExecutionEntity execution = CommandContextUtil.getExecutionEntityManager(context).findById(executionId);
            if (execution == null || !activityId.equals(execution.getActivityId())) {
                return false;
            }
            if (async && hasJob(executionId)) {
                return true; // a job moves it on already (or waits for its next try): a second would trigger twice
            }
            new TriggerCmd(executionId, null, async).execute(context);
            return true;
        });
    }

    /**
     * Parks a job in the dead-letter table with {@code reason} as its error, which fails its run.
     *
     * @return false when the job no longer exists
     */
    public boolean parkJob(String jobId, String reason) {
        return engine.getManagementService().executeCommand(context -> {
            JobServiceConfiguration jobs = CommandContextUtil.getProcessEngineConfiguration(context)
                    .getJobServiceConfiguration();
            AbstractRuntimeJobEntity job = jobs.getJobEntityManager().findById(jobId);
            if (job == null) {
                job = jobs.getTimerJobEntityManager().findById(jobId);
            }
            if (job == null) {
                return false;
            }
            job.setExceptionMessage(reason);
            jobs.getJobManager().moveJobToDeadLetterJob(job);
            return true;
        });
    }

    public RepositoryService repository() {
        return engine.getRepositoryService();
    }

    public RuntimeService runtime() {
        return engine.getRuntimeService();
    }

    public HistoryService history() {
        return engine.getHistoryService();
    }

    public ManagementService management() {
        return engine.getManagementService();
    }

    /**
     * Cancels a run of the location, in the caller's transaction: the engine's process instance is
     * deleted with the reason (the run is then recorded CANCELLED).
     *
     * @return false when the location has no such running instance
     */
    public boolean cancel(LocationId locationId, String runId, String reason) {
        long found = runtime().createProcessInstanceQuery().processInstanceId(runId)
                .processInstanceTenantId(locationId.toString()).count();
        if (found == 0) {
            return false;
        }
        runtime().deleteProcessInstance(runId, reason);
        return true;
    }

    /** A run waiting at a message catch event. */
    public record Waiting(String executionId, String processInstanceId, String processDefinitionId, String activityId) {
    }

    /**
     * The runs of the location whose business key (their contact) is {@code businessKey} that wait for the
     * message {@code messageName}: read from the engine's subscriptions, by the contact first.
     */
    public List<Waiting> waitingFor(LocationId locationId, String messageName, String businessKey, int limit) {
        return database.query("""
                SELECT s.execution_id_, s.proc_inst_id_, s.proc_def_id_, s.activity_id_
                FROM act_ru_execution p JOIN act_ru_event_subscr s ON s.proc_inst_id_ = p.id_
                WHERE p.business_key_ = ? AND p.parent_id_ IS NULL AND p.tenant_id_ = ?
                      AND s.event_type_ = 'message' AND s.event_name_ = ? AND s.tenant_id_ = ?
                ORDER BY s.created_ LIMIT ?""",
                row -> new Waiting(row.getString(1), row.getString(2), row.getString(3), row.getString(4)),
                businessKey, locationId.toString(), messageName, locationId.toString(), limit);
    }

    /**
     * The executions of a contact's runs (by their business key) that wait until a condition holds, at
     * most {@code limit} read.
     */
    public List<Waiting> waitingForConditions(LocationId locationId, String businessKey, int limit) {
        return database.query("""
                SELECT e.id_, e.proc_inst_id_, e.proc_def_id_, e.act_id_
                FROM act_ru_execution p JOIN act_ru_execution e ON e.proc_inst_id_ = p.id_
                WHERE p.business_key_ = ? AND p.parent_id_ IS NULL AND p.tenant_id_ = ? AND e.act_id_ IS NOT NULL
                ORDER BY e.id_ LIMIT ?""",
                row -> new Waiting(row.getString(1), row.getString(2), row.getString(3), row.getString(4)),
                businessKey, locationId.toString(), limit)
                .stream()
                .filter(waiting -> model(waiting.processDefinitionId()).getFlowElement(waiting.activityId())
                        instanceof org.flowable.bpmn.model.IntermediateCatchEvent event
                        && event.getEventDefinitions().stream()
                                .anyMatch(org.flowable.bpmn.model.ConditionalEventDefinition.class::isInstance))
                .toList();
    }

    /**
     * Looks again at the conditions a run of the location waits for, in the caller's transaction: a wait
     * whose condition holds now is left (in a job of its own).
     */
    public void reevaluateConditions(LocationId locationId, String processInstanceId) {
        if (runtime().createProcessInstanceQuery().processInstanceId(processInstanceId)
                .processInstanceTenantId(locationId.toString()).count() == 0) {
            return;
        }
        runtime().evaluateConditionalEvents(processInstanceId);
    }

    /** The run variable holding the events that ended its waits lately, so that a redelivered one ends none again. */
    static final String WOKEN_BY = "wokenBy";
    /** How many such events a run remembers. */
    static final int WOKEN_BY_KEPT = 20;

    /**
     * Delivers a platform event to one waiting execution of the location, in the caller's transaction,
     * with {@code variables} set on the run. The run leaves the wait in a job of its own.
     *
     * @return false when the execution no longer waits for it (delivered already, cancelled, moved on),
     *         or when this event ended one of the run's waits already (a delivery repeated after a failure
     *         must not end the wait the run came back to)
     */
    public boolean deliverMessage(LocationId locationId, String executionId, String messageName, UUID eventId,
                                  Map<String, Object> variables) {
        long waiting = runtime().createExecutionQuery().executionId(executionId).executionTenantId(locationId.toString())
                .messageEventSubscriptionName(messageName).count();
        if (waiting == 0) {
            return false;
        }
        Object woken = runtime().getVariable(executionId, WOKEN_BY);
        List<String> events = woken == null || woken.toString().isEmpty() ? new java.util.ArrayList<>()
                : new java.util.ArrayList<>(List.of(woken.toString().split(",")));
        if (events.contains(eventId.toString())) {
            return false;
        }
        events.add(eventId.toString());
        Map<String, Object> all = new LinkedHashMap<>(variables);
        all.put(WOKEN_BY, String.join(",", events.subList(Math.max(0, events.size() - WOKEN_BY_KEPT), events.size())));
        runtime().messageEventReceived(messageName, executionId, all);
        return true;
    }

    /** The model of a deployed version (cached by the engine). */
    public org.flowable.bpmn.model.BpmnModel model(String processDefinitionId) {
        return repository().getBpmnModel(processDefinitionId);
    }

    /** Moves running process instances between versions of a process. */
    public org.flowable.engine.ProcessMigrationService migration() {
        return engine.getProcessMigrationService();
    }

    private static TransactionManager transactionManager() {
        try {
            return (TransactionManager) new InitialContext().lookup(TRANSACTION_MANAGER);
        } catch (NamingException e) {
            throw new IllegalStateException("no JTA transaction manager at " + TRANSACTION_MANAGER, e);
        }
    }
}
