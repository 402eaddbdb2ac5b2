package dev.switchboard.bpmn.actions;

import dev.switchboard.api.action.ActionContext;
import dev.switchboard.api.action.ActionException;
import dev.switchboard.api.action.ActionResult;
import dev.switchboard.api.action.ContactView;
import dev.switchboard.api.settings.PluginSettings;
import dev.switchboard.bpmn.engine.WorkflowEngine;
import dev.switchboard.bpmn.engine.WorkflowLimits;
import dev.switchboard.bpmn.runs.WorkflowRuns;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.db.FairQueue;
import dev.switchboard.core.nodes.NodeIdentity;
import dev.switchboard.core.plugins.Plugins;
import dev.switchboard.core.plugins.ResolvedAction;
import dev.switchboard.core.plugins.settings.PluginSettingsStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes the plugin calls of action steps. A poller claims due steps (fairly between locations, as many
 * as there are free workers) and hands each to a worker thread, which calls the plugin with no
 * transaction open, then commits the outcome: on success together with the job that moves the run
 * on, on failure as a wait before the next attempt or, after the last, as the run's failure.
 */
@ApplicationScoped
public class ActionWorker {

    private static final Logger LOG = Logger.getLogger(ActionWorker.class.getName());
    private static final int LOCATIONS_PER_CLAIM = 32;
    private static final long IDLE_WAIT_MILLIS = 250;
    private static final int RECORD_ATTEMPTS = 6;

    @Inject
    ActionExecutions executions;

    @Inject
    Plugins plugins;

    @Inject
    PluginSettingsStore settings;

    @Inject
    WorkflowEngine engine;

    @Inject
    WorkflowRuns runs;

    @Inject
    WorkflowLimits limits;

    @Inject
    NodeIdentity node;

    @Inject
    ActionWorker self;

    @Resource
    ManagedThreadFactory threadFactory;

    private final Object signal = new Object();
    private volatile boolean running;
    private UUID cursor = FairQueue.FIRST;

    /**
     * Starts the poller and the workers.
     *
     * @return what stops them; calls in flight are given 30 s to finish
     */
    public synchronized AutoCloseable start() {
        int workers = limits.actionWorkers();
        Semaphore free = new Semaphore(workers);
        ExecutorService pool = Executors.newFixedThreadPool(workers, threadFactory);
        running = true;
        Thread poller = threadFactory.newThread(() -> poll(free, pool));
        poller.setName("switchboard-action-poller");
        poller.start();
        return () -> {
            running = false;
            wakeUp();
            poller.join(TimeUnit.SECONDS.toMillis(10));
            pool.shutdown();
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        };
    }

    /** A step was committed: claim it at once rather than at the next poll. */
    void onStepEntered(@Observes(during = TransactionPhase.AFTER_SUCCESS) ActionStepEntered step) {
        wakeUp();
    }

    private void wakeUp() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void poll(Semaphore free, ExecutorService pool) {
        while (running) {
            int claimed = 0;
            try (DatabaseScope scope = DatabaseScope.system("action step claims")) {
                claimed = claimRound(free, pool);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Claiming action steps failed; trying again", e);
            }
            if (claimed == 0) {
                synchronized (signal) {
                    try {
                        signal.wait(IDLE_WAIT_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private int claimRound(Semaphore free, ExecutorService pool) {
        int capacity = free.availablePermits();
        if (capacity == 0) {
            return 0;
        }
        List<UUID> locations = executions.locationsWithWaitingSteps(cursor, LOCATIONS_PER_CLAIM);
        if (locations.isEmpty()) {
            cursor = FairQueue.FIRST;
            return 0;
        }
        cursor = locations.get(locations.size() - 1);
        int perLocation = Math.max(1, capacity / locations.size());
        List<ActionExecutions.Claimed> claimed = executions.claim(locations, perLocation, capacity, node.id());
        for (ActionExecutions.Claimed step : claimed) {
            free.acquireUninterruptibly();
            pool.execute(() -> {
                try (DatabaseScope scope = DatabaseScope.location(step.locationId().value())) {
                    perform(step);
                } finally {
                    free.release();
                    wakeUp();
                }
            });
        }
        return claimed.size();
    }

    /** One attempt of one step: the plugin call, with no transaction open, then its outcome, committed. */
    void perform(ActionExecutions.Claimed step) {
        Optional<ResolvedAction> resolved = plugins.registry().action(step.actionId());
        if (resolved.isEmpty()) {
            record(() -> self.failed(step, null, null, "no active plugin provides action '" + step.actionId() + "'"));
            return;
        }
        ResolvedAction action = resolved.get();
        ActionResult result;
        try {
            PluginSettings pluginSettings = settings.forPlugin(step.locationId(), action.pluginId());
            result = action.action().execute(new Call(step, pluginSettings));
        } catch (ActionException e) {
            record(() -> self.failed(step, action.pluginId(), action.pluginVersion(), e.getMessage()));
            return;
        } catch (RuntimeException | LinkageError e) {
            // a plugin's own bug, or a class it needs that is gone (a bad upgrade): a failed step, not a dead worker
            LOG.log(Level.WARNING, "Plugin " + action.pluginId() + " failed in step " + step.id(), e);
            record(() -> self.failed(step, action.pluginId(), action.pluginVersion(),
                    "plugin " + action.pluginId() + " " + action.pluginVersion() + " failed: " + e));
            return;
        }
        record(() -> self.completed(step, action.pluginId(), action.pluginVersion(), result));
    }

    /** The outcome and the job that moves the run on commit together. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void completed(ActionExecutions.Claimed step, String pluginId, String pluginVersion, ActionResult result) {
        executions.completed(step, pluginId, pluginVersion, result.summary(), result.outputs(), result.vendorId());
        engine.continueAfterStep(step.executionId());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(ActionExecutions.Claimed step, String pluginId, String pluginVersion, String error) {
        String message = error == null || error.isBlank() ? "the action failed without saying why" : error;
        if (executions.failed(step, pluginId, pluginVersion, message)) {
            runs.failed(step.runId(), "step '" + step.activityId() + "' (" + step.actionId() + ") failed after "
                    + step.attempt() + " attempt(s): " + message);
        }
    }

    /**
     * Commits an outcome, trying again for a while when the database is away. Should it stay away, the
     * step remains RUNNING on this node and is made again when the node's work is recovered: never
     * lost, at worst repeated with the same idempotency key.
     */
    private static void record(Runnable outcome) {
        for (int attempt = 1; ; attempt++) {
            try {
                outcome.run();
                return;
            } catch (RuntimeException e) {
                if (attempt == RECORD_ATTEMPTS) {
                    LOG.log(Level.SEVERE, "Recording an action step's outcome failed; the step will be made again", e);
                    return;
                }
                LOG.log(Level.WARNING, "Recording an action step's outcome failed; trying again", e);
                try {
                    Thread.sleep(500L << attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** What the plugin sees of one attempt. */
    private record Call(ActionExecutions.Claimed step, PluginSettings settings) implements ActionContext {

        @Override
        public String locationId() {
            return step.locationId().toString();
        }

        @Override
        public String executionId() {
            return step.id().toString();
        }

        @Override
        public String idempotencyKey() {
            return step.id().toString();
        }

        @Override
        public Map<String, String> inputs() {
            return step.inputs();
        }

        @Override
        public Optional<ContactView> contact() {
            return step.contact();
        }
    }
}
