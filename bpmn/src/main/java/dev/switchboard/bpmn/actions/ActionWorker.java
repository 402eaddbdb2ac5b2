package dev.switchboard.bpmn.actions;

import dev.switchboard.api.PluginException;
import dev.switchboard.api.action.ActionContext;
import dev.switchboard.api.action.WorkflowAction;
import dev.switchboard.api.host.LocationContext;
import dev.switchboard.bpmn.engine.WorkflowEngine;
import dev.switchboard.bpmn.engine.WorkflowLimits;
import dev.switchboard.bpmn.runs.WorkflowRuns;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.db.FairQueue;
import dev.switchboard.core.nodes.NodeIdentity;
import dev.switchboard.core.plugins.PluginCalls;
import dev.switchboard.core.plugins.actions.ActionCatalog;
import dev.switchboard.core.plugins.actions.ActionSpec;
import dev.switchboard.core.plugins.actions.BuiltInActions;
import dev.switchboard.core.plugins.actions.BuiltInStep;
import dev.switchboard.core.plugins.host.ForwardingLocationContext;
import dev.switchboard.core.plugins.host.LocationServices;
import dev.switchboard.core.plugins.host.StepLines;
import dev.switchboard.core.plugins.locations.PluginLocations;
import dev.switchboard.core.plugins.registry.ExtensionRegistry.Lease;
import dev.switchboard.core.plugins.schema.RecordValues;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes the plugin calls of action steps. A poller claims due steps (fairly between locations, as many
 * as there are free workers) and hands each to a worker thread, which calls the plugin with no
 * transaction open, then commits the outcome: on success, then moves the run on in a transaction of
 * its own (or leaves that to a job of the engine when it cannot), on failure as a wait before the next
 * attempt or, after the last, as the run's failure. Now and then the poller also moves on runs whose
 * step completed but whose move did not commit (the node stopped in between).
 */
@ApplicationScoped
public class ActionWorker {

    private static final Logger LOG = Logger.getLogger(ActionWorker.class.getName());
    private static final int LOCATIONS_PER_CLAIM = 32;
    private static final long IDLE_WAIT_MILLIS = 250;
    private static final int RECORD_ATTEMPTS = 6;
    private static final int STRANDED_PER_SWEEP = 500;

    @Inject
    ActionExecutions executions;

    @Inject
    ActionCatalog actions;

    @Inject
    BuiltInActions builtIns;

    @Inject
    BuiltInSteps builtInSteps;

    @Inject
    LocationServices services;

    @Inject
    PluginCalls calls;

    @Inject
    PluginLocations pluginLocations;

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
        Duration sweep = limits.strandedStepAfter();
        long nextSweep = System.nanoTime() + sweep.toNanos();
        while (running) {
            if (System.nanoTime() - nextSweep >= 0) {
                nextSweep = System.nanoTime() + sweep.toNanos();
                continueStranded(sweep);
            }
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
                    performOrFail(step);
                } finally {
                    free.release();
                    wakeUp();
                }
            });
        }
        return claimed.size();
    }

    /**
     * Hands the runs of completed steps that were not moved on (see {@link ActionExecutions#stranded}) to
     * jobs of the engine, or marks the steps done with when their run waits elsewhere or has ended.
     */
    void continueStranded(Duration after) {
        List<ActionExecutions.Stranded> stranded;
        try (DatabaseScope scope = DatabaseScope.system("stranded action steps")) {
            stranded = executions.stranded(after, STRANDED_PER_SWEEP);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Looking for completed steps whose run did not move on failed", e);
            return;
        }
        for (ActionExecutions.Stranded step : stranded) {
            try (DatabaseScope scope = DatabaseScope.location(step.locationId().value())) {
                self.continueStranded(step);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Moving on the run of completed step " + step.id() + " failed; trying again later", e);
            }
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void continueStranded(ActionExecutions.Stranded step) {
        if (engine.continueAfterStep(step.executionId(), step.activityId())) {
            LOG.info(() -> "The run of completed step " + step.id() + " had not moved on; a job of the engine does now");
        } else {
            executions.markContinued(step.id());
        }
    }

    /** {@link #perform}, and should the host itself fail there, the step's failure rather than a step left RUNNING. */
    private void performOrFail(ActionExecutions.Claimed step) {
        try {
            perform(step);
        } catch (RuntimeException | LinkageError e) {
            // a step left RUNNING on a live node is taken up by nobody
            LOG.log(Level.SEVERE, "Action step " + step.id() + " failed in the host", e);
            record(() -> self.failed(step, null, null, "the host failed to run the step: " + e, null));
        }
    }

    /**
     * One attempt of one step: the plugin call, with no transaction open, within the action's time
     * limit and its plugin's concurrency limit, then its outcome, committed. Whatever the plugin does
     * (throws, hangs, answers garbage, is swapped meanwhile) ends as this step's outcome. A plugin with
     * as many calls running as it may has the step wait for a free call without spending an attempt.
     */
    void perform(ActionExecutions.Claimed step) {
        Optional<BuiltInActions.Entry> builtIn = builtIns.find(step.actionId());
        if (builtIn.isPresent()) {
            performBuiltIn(step, builtIn.get());
            return;
        }
        Optional<ActionSpec> found = actions.find(step.actionId());
        if (found.isPresent() && !pluginLocations.isEnabled(step.locationId(), found.get().pluginId())) {
            record(() -> self.failed(step, found.get().pluginId(), found.get().pluginVersion(), "plugin "
                    + found.get().pluginId() + " is turned off for this location", null));
            return;
        }
        Outcome outcome = call(step);
        if (record(() -> outcome.commit(self, step)) && outcome.completes()) {
            continueRun(step);
        }
    }

    /**
     * One attempt of a step of the platform's own actions that failed where its run entered it (see
     * {@link BuiltInSteps}), or was retried: the action and the step's completion in one transaction, so that a failed attempt leaves nothing behind, then the run moved on as after a
     * plugin's step. A failure is the attempt's, with the lines the action wrote.
     */
    private void performBuiltIn(ActionExecutions.Claimed step, BuiltInActions.Entry entry) {
        ActionSpec spec = entry.spec();
        BuiltInStep context = builtInSteps.context(step);
        try {
            self.runBuiltIn(step, entry, context);
        } catch (RuntimeException e) {
            String message = BuiltInFailures.describe(spec, e);
            record(() -> self.failed(step, spec.pluginId(), spec.pluginVersion(), message, context.lines()));
            return;
        }
        continueRun(step);
    }

    /** The built-in action's work and its step's completion, committed together. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void runBuiltIn(ActionExecutions.Claimed step, BuiltInActions.Entry entry, BuiltInStep context) {
        builtInSteps.perform(step, entry, context);
    }

    /**
     * Moves the run on past a step whose completion has committed: at once, in a transaction of its own
     * on this thread, which spares the engine a job per step. Should that fail (another move of the same
     * run at the same moment, or an error in what comes next), the engine's job takes it over with its
     * retries and failure handling, as it would have from the start. Should even that not commit, the
     * step stays completed and not continued until {@link #continueStranded} finds it.
     */
    private void continueRun(ActionExecutions.Claimed step) {
        try {
            self.continueNow(step);
        } catch (RuntimeException | LinkageError e) {
            // never the step's failure: it completed, and that has committed
            LOG.log(Level.FINE, e, () -> "Moving run " + step.runId() + " on at once failed; a job of the engine does");
            record(() -> self.continueLater(step));
        }
    }

    /**
     * The call into the plugin's code, under a lease on the version that serves it: the lease covers the
     * binding of the inputs, the call and the reading of its answer, so that a swap drains only those.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private Outcome call(ActionExecutions.Claimed step) {
        Optional<Lease<WorkflowAction>> leased = actions.lease(step.actionId());
        if (leased.isEmpty()) {
            return Outcome.failed(null, "no active plugin provides action '" + step.actionId()
                    + "' (its plugin was removed or did not start)", null);
        }
        try (Lease<WorkflowAction> lease = leased.get()) {
            ActionSpec action = ActionSpec.of(lease.extension());
            Record input;
            try {
                input = RecordValues.bind(action.input(), step.inputs());
            } catch (RecordValues.InvalidValues | IllegalArgumentException e) {
                // IllegalArgumentException: the input record's own constructor refused the values
                return Outcome.failed(action, "the task's inputs do not fit " + action.id() + ": " + e.getMessage(),
                        null);
            }
            StepLines log = new StepLines(action.pluginId());
            Call call = new Call(step, services.context(step.locationId(), action.pluginId(), action.pluginVersion(), log),
                    () -> contactOf(step));
            Duration limit = action.timeoutSeconds() > 0 ? Duration.ofSeconds(action.timeoutSeconds())
                    : calls.defaultActionTimeout();
            try {
                // the output is read within the call: its accessors are the plugin's code too
                Map<String, String> outputs = calls.call(action.pluginId(), limit,
                        () -> outputs(action, lease.instance().execute(input, call)));
                List<String> lines = log.lines();
                return new Completion(action.pluginId(), action.pluginVersion(), call.summary, outputs, call.vendorId,
                        lines);
            } catch (PluginCalls.Busy e) {
                // the plugin was not called: the step keeps the lines of its last attempt
                return (worker, claimed) -> worker.deferred(claimed, e.getMessage());
            } catch (PluginCalls.TimedOut e) {
                return Outcome.failed(action, e.getMessage(), log.lines());
            } catch (ExecutionException e) {
                return Outcome.failed(action, e.getCause() instanceof UnfitOutput unfit ? unfit.getMessage()
                        : failure(action, e.getCause()), log.lines());
            }
        }
    }

    /**
     * How one attempt ended, to be committed once the plugin's version is no longer leased, with the
     * lines the plugin wrote to the step log in it.
     */
    @FunctionalInterface
    private interface Outcome {

        void commit(ActionWorker worker, ActionExecutions.Claimed step);

        /** Whether the run moves on once this outcome has committed. */
        default boolean completes() {
            return false;
        }

        /** @param log the attempt's step log, or null when the plugin was not called (the step keeps the last) */
        static Outcome failed(ActionSpec action, String error, List<String> log) {
            return action == null ? (worker, step) -> worker.failed(step, null, null, error, log)
                    : (worker, step) -> worker.failed(step, action.pluginId(), action.pluginVersion(), error, log);
        }
    }

    /** The step's success, with what the plugin answered. */
    private record Completion(String pluginId, String pluginVersion, String summary, Map<String, String> outputs,
                              String vendorId, List<String> log) implements Outcome {

        @Override
        public void commit(ActionWorker worker, ActionExecutions.Claimed step) {
            worker.completed(step, pluginId, pluginVersion, summary, outputs, vendorId, log);
        }

        @Override
        public boolean completes() {
            return true;
        }
    }

    /** The action's answer as run variables, once it is known to be the output the action declares. */
    private static Map<String, String> outputs(ActionSpec action, Object output) throws UnfitOutput {
        if (output == null) {
            return Map.of();
        }
        if (!action.output().isInstance(output)) {
            throw new UnfitOutput("plugin " + action.pluginId() + " answered " + output.getClass().getName() + " where "
                    + action.output().getName() + " was declared");
        }
        Map<String, String> outputs = RecordValues.text((Record) output);
        List<String> problems = RecordValues.validate(action.output(), outputs);
        if (!problems.isEmpty()) {
            throw new UnfitOutput("plugin " + action.pluginId() + " answered a " + action.output().getSimpleName()
                    + " that does not fit its declaration: " + String.join("; ", problems));
        }
        return outputs;
    }

    /** An action's answer that is not the output it declares. */
    private static final class UnfitOutput extends Exception {

        private static final long serialVersionUID = 1L;

        UnfitOutput(String message) {
            super(message);
        }
    }

    private static String failure(ActionSpec action, Throwable cause) {
        if (cause instanceof PluginException plugin) {
            return plugin.getMessage() == null ? "the action failed without saying why" : plugin.getMessage();
        }
        // a plugin's own bug, or a class it needs that is gone: a failed step, not a dead worker
        LOG.log(Level.WARNING, "Plugin " + action.pluginId() + " failed in action " + action.id(), cause);
        return "plugin " + action.pluginId() + " " + action.pluginVersion() + " failed: " + cause;
    }

    private Optional<dev.switchboard.api.host.Contact> contactOf(ActionExecutions.Claimed step) {
        return step.contactId().flatMap(id -> {
            try (DatabaseScope scope = DatabaseScope.location(step.locationId().value())) {
                return services.context(step.locationId(), "host", "", new StepLines("host")).contacts().get(id);
            }
        });
    }

    /** The outcome commits on its own: whatever fails in moving the run on later, the step stays done. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void completed(ActionExecutions.Claimed step, String pluginId, String pluginVersion, String summary,
                          Map<String, String> outputs, String vendorId, List<String> log) {
        executions.completed(step, pluginId, pluginVersion, summary == null ? "" : summary, outputs, vendorId, log);
    }

    /** Moves the run on past its completed step in this transaction: see {@link #continueRun}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void continueNow(ActionExecutions.Claimed step) {
        engine.continueNow(step.executionId(), step.activityId());
    }

    /** Leaves moving the run on past its completed step to a job of the engine. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void continueLater(ActionExecutions.Claimed step) {
        engine.continueAfterStep(step.executionId(), step.activityId());
    }

    /** The plugin had no call to spare: the step waits for its turn, its attempt not spent. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void deferred(ActionExecutions.Claimed step, String reason) {
        executions.deferred(step, reason);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(ActionExecutions.Claimed step, String pluginId, String pluginVersion, String error,
                       List<String> log) {
        String message = error == null || error.isBlank() ? "the action failed without saying why" : error;
        if (executions.failed(step, pluginId, pluginVersion, message, log)) {
            runs.failed(step.runId(), "step '" + step.activityId() + "' (" + step.actionId() + ") failed after "
                    + step.attempt() + " attempt(s): " + message);
        }
    }

    /**
     * Commits an outcome, trying again for a while when the database is away. Should it stay away, the
     * step remains RUNNING on this node and is made again when the node's work is recovered: never
     * lost, at worst repeated with the same idempotency key.
     */
    private static boolean record(Runnable outcome) {
        for (int attempt = 1; ; attempt++) {
            try {
                outcome.run();
                return true;
            } catch (RuntimeException e) {
                if (attempt == RECORD_ATTEMPTS) {
                    LOG.log(Level.SEVERE, "Recording an action step's outcome failed; the step will be made again", e);
                    return false;
                }
                LOG.log(Level.WARNING, "Recording an action step's outcome failed; trying again", e);
                try {
                    Thread.sleep(500L << attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    /** What the plugin sees of one attempt: the step, and the host's services for its location. */
    private static final class Call extends ForwardingLocationContext implements ActionContext {

        private final ActionExecutions.Claimed step;
        private final Supplier<Optional<dev.switchboard.api.host.Contact>> contactLookup;
        private Optional<dev.switchboard.api.host.Contact> contact;
        private volatile String summary;
        private volatile String vendorId;

        /** @param contactLookup reads the step's contact, live, the first time the plugin asks for it */
        Call(ActionExecutions.Claimed step, LocationContext services,
             Supplier<Optional<dev.switchboard.api.host.Contact>> contactLookup) {
            super(services);
            this.step = step;
            this.contactLookup = contactLookup;
        }

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
        public synchronized Optional<dev.switchboard.api.host.Contact> contact() {
            if (contact == null) {
                contact = contactLookup.get();
            }
            return contact;
        }

        @Override
        public void summarize(String text) {
            summary = text == null ? null : text.length() > 500 ? text.substring(0, 500) + "…" : text;
        }

        @Override
        public void vendorReference(String id) {
            vendorId = id == null ? null : id.length() > 500 ? id.substring(0, 500) : id;
        }
    }
}
