package dev.switchboard.host.boot;

import dev.switchboard.bpmn.engine.WorkflowEngine;
import dev.switchboard.core.config.PlatformConfig;
import dev.switchboard.core.db.Migrations;
import dev.switchboard.core.events.EventDispatcher;
import dev.switchboard.core.plugins.Plugins;
import dev.switchboard.core.tenancy.FirstRunBootstrap;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Boot order: schema migrations → first-run bootstrap → plugin framework (re-installs stored
 * plugins) → workflow engine → event dispatch. Shutdown runs it backwards.
 */
@ApplicationScoped
public class PlatformLifecycle {

    private static final Logger LOG = Logger.getLogger(PlatformLifecycle.class.getName());
    private static final long DISPATCH_INTERVAL_MILLIS = 200;
    /** Where the launcher wants to hear that boot finished (written by the launcher into the server's settings). */
    private static final String STATE_FILE = "switchboard.platform-state-file";

    @Inject
    PlatformConfig config;

    @Inject
    FirstRunBootstrap bootstrap;

    @Inject
    Plugins plugins;

    @Inject
    WorkflowEngine engine;

    @Inject
    EventDispatcher dispatcher;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile boolean ready;
    private ScheduledFuture<?> dispatch;
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** What boot started, in order; stopped in reverse. */
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    /** Payara Micro exits on SIGINT/SIGTERM without undeploying: stop the engine and plugins ourselves. */
    private final Thread shutdownHook = new Thread(this::shutDown, "switchboard-shutdown");

    void start(@Observes @Initialized(ApplicationScoped.class) Object context) {
        long started = System.nanoTime();
        try {
            int applied = Migrations.migrate(config.databaseUrl(), config.databaseUser().orElse(null),
                    config.databasePassword().orElse(null));
            LOG.info(() -> "Database schema is current (" + applied + " migration(s) applied)");
            bootstrap.bootstrapIfEmpty();
            running.add(plugins.start());
            running.add(engine.start());
            dispatch = scheduler.scheduleWithFixedDelay(this::dispatchEvents, DISPATCH_INTERVAL_MILLIS,
                    DISPATCH_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RuntimeException | Error e) {
            // the deployment fails: stop what already runs (framework threads, engine executors) so nothing lingers
            LOG.log(Level.SEVERE, "Boot failed; stopping what was started", e);
            shutDown();
            ReadinessReport.failed(config.optional(STATE_FILE).orElse(null), e);
            throw e;
        }
        ready = true;
        ReadinessReport.ready(config.optional(STATE_FILE).orElse(null));
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        LOG.info(() -> "Switchboard is ready (boot took " + (System.nanoTime() - started) / 1_000_000 + " ms)");
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object context) {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs
        }
        shutDown();
    }

    /**
     * Stops event dispatch, then the workflow engine (which releases its jobs), then the plugins; once.
     * Synchronized: the server's undeploy and the JVM's shutdown hook may both call it, and the second
     * must wait until the first is done.
     */
    private synchronized void shutDown() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        ready = false;
        if (dispatch != null) {
            dispatch.cancel(false);
        }
        while (!running.isEmpty()) {
            try {
                running.removeLast().close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Stopping a platform part failed; stopping the rest", e);
            }
        }
        LOG.info("Switchboard stopped");
    }

    public boolean ready() {
        return ready;
    }

    private void dispatchEvents() {
        try {
            dispatcher.dispatchPending();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Event dispatch round failed; next round retries", e);
        }
    }
}
