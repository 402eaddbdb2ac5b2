package dev.switchboard.bpmn.engine;

import dev.switchboard.bpmn.actions.ActionTaskDelegate;
import dev.switchboard.bpmn.actions.ActionTaskParseHandler;
import dev.switchboard.bpmn.actions.ActionTaskValidator;
import dev.switchboard.core.db.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.flowable.common.engine.impl.async.DefaultAsyncTaskExecutor;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.impl.cfg.JtaProcessEngineConfiguration;

/**
 * The Flowable engine, on the platform's JTA data source and Payara's transaction manager, so
 * engine and platform writes share one transaction. Its async executor runs jobs on the server's
 * managed threads. Tenant = location id; Flowable filters nothing by tenant itself, so only
 * {@code Workflows} queries it on behalf of users.
 */
@ApplicationScoped
public class WorkflowEngine {

    private static final Logger LOG = Logger.getLogger(WorkflowEngine.class.getName());
    private static final String TRANSACTION_MANAGER = "java:appserver/TransactionManager";

    @Inject
    Database database;

    @Inject
    ActionTaskDelegate actionTaskDelegate;

    @Resource
    ManagedThreadFactory threadFactory;

    private ProcessEngine engine;

    /**
     * Builds and starts the engine.
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
        config.setPreBpmnParseHandlers(List.of(new ActionTaskParseHandler()));
        config.setBeans(Map.of(ActionTaskParseHandler.DELEGATE_BEAN, actionTaskDelegate));
        config.setAsyncTaskExecutor(taskExecutor);
        config.setAsyncExecutorActivate(true);
        config.setAsyncExecutorDefaultAsyncJobAcquireWaitTime(200);
        config.setAsyncExecutorDefaultTimerJobAcquireWaitTime(500);
        // a node that died holding a job gives it back after this long (Flowable's default is an hour)
        config.setAsyncExecutorAsyncJobLockTimeInMillis(5 * 60 * 1000);
        config.setAsyncFailedJobWaitTime(2);
        config.setDefaultFailedJobWaitTime(2);
        config.setAddDefaultExceptionHandler(false);
        config.setCustomAsyncRunnableExecutionExceptionHandlers(List.of(new FlatJobFailureHandler()));
        // built last: it takes the settings above from the engine's async executor configuration
        config.setAsyncExecutor(new ManagedAsyncJobExecutor(config.getAsyncExecutorConfiguration(), threadFactory));
        ProcessEngine started = config.buildProcessEngine();
        engine = started;
        LOG.info(() -> "Workflow engine started in " + (System.nanoTime() - startedAt) / 1_000_000 + " ms");
        return () -> {
            started.close();
            taskExecutor.shutdown();
        };
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

    private static TransactionManager transactionManager() {
        try {
            return (TransactionManager) new InitialContext().lookup(TRANSACTION_MANAGER);
        } catch (NamingException e) {
            throw new IllegalStateException("no JTA transaction manager at " + TRANSACTION_MANAGER, e);
        }
    }
}
