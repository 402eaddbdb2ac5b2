package dev.switchboard.host.boot;

import dev.switchboard.bpmn.actions.ActionWorker;
import dev.switchboard.bpmn.engine.WorkflowEngine;
import dev.switchboard.bpmn.engine.WorkflowLimits;
import dev.switchboard.bpmn.triggers.DateTriggers;
import dev.switchboard.core.config.PlatformConfig;
import dev.switchboard.core.crm.contacts.Contacts;
import dev.switchboard.core.crm.imports.ImportFiles;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.db.EntityMappings;
import dev.switchboard.core.db.Migrations;
import dev.switchboard.core.events.DomainEventConsumer;
import dev.switchboard.core.events.EventDispatcher;
import dev.switchboard.core.jobs.JobRunner;
import dev.switchboard.core.nodes.PlatformNodes;
import dev.switchboard.core.plugins.Plugins;
import dev.switchboard.core.tenancy.FirstRunBootstrap;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Boot order: schema migrations → first-run bootstrap → plugin framework (re-installs stored
 * plugins) → workflow engine → this node joins (taking back what it held when it last stopped) →
 * engine jobs, action steps, background jobs, event dispatch and the heartbeat start. Shutdown runs it backwards.
 */
@ApplicationScoped
public class PlatformLifecycle {

    private static final Logger LOG = Logger.getLogger(PlatformLifecycle.class.getName());
    private static final long DISPATCH_INTERVAL_MILLIS = 200;
    /** How often deleted contacts past their restore period are purged, and how many per statement. */
    private static final long PURGE_INTERVAL_MILLIS = 60 * 60 * 1000;
    private static final int PURGE_BATCH = 500;
    /** How often uploaded import files past their time are deleted, and how many per statement. */
    private static final long EXPIRED_FILES_INTERVAL_MILLIS = 10 * 60 * 1000;
    private static final int EXPIRED_FILES_BATCH = 5;
    /** Where the launcher wants to hear that boot finished (written by the launcher into the server's settings). */
    private static final String STATE_FILE = "switchboard.platform-state-file";

    @Inject
    PlatformConfig config;

    @Inject
    FirstRunBootstrap bootstrap;

    @Inject
    Database database;

    @Inject
    Plugins plugins;

    @Inject
    WorkflowEngine engine;

    @Inject
    ActionWorker actionWorker;

    @Inject
    DateTriggers dateTriggers;

    @Inject
    WorkflowLimits workflowLimits;

    @Inject
    JobRunner jobRunner;

    @Inject
    PlatformNodes nodes;

    @Inject
    EventDispatcher dispatcher;

    @Inject
    EntityMappings entityMappings;

    @Inject
    Contacts contacts;

    @Inject
    ImportFiles importFiles;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedThreadFactory threadFactory;

    private volatile boolean ready;
    private volatile boolean stopped;
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
            verifyDatabaseRole();
            try (DatabaseScope scope = DatabaseScope.system("boot")) {
                int mapped = entityMappings.verifyAgainstSchema();
                LOG.info(() -> "Entity mappings fit the schema (" + mapped + " columns)");
                bootstrap.bootstrapIfEmpty();
                running.add(plugins.start());
                running.add(engine.start());
                nodes.join();
                running.add(nodes::leave);
            }
            engine.startJobExecutor();
            running.add(actionWorker.start());
            running.add(jobRunner.start());
            for (DomainEventConsumer consumer : dispatcher.consumers()) {
                running.add(dispatching(consumer));
            }
            running.add(every(PURGE_INTERVAL_MILLIS, this::purgeDeletedContacts));
            running.add(every(EXPIRED_FILES_INTERVAL_MILLIS, this::deleteExpiredImportFiles));
            running.add(every(workflowLimits.dateTriggerSweepSeconds() * 1000L, dateTriggers::sweep));
            running.add(every(PlatformNodes.HEARTBEAT.toMillis(), () -> {
                try (DatabaseScope scope = DatabaseScope.system("node heartbeat and recovery")) {
                    heartbeat();
                }
            }));
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

    /** Hard-deletes contacts deleted longer ago than they can be restored, in batches. */
    private void purgeDeletedContacts() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minusDays(Contacts.RESTORABLE_DAYS);
        try (DatabaseScope scope = DatabaseScope.system("purge of deleted contacts")) {
            int purged;
            do {
                purged = contacts.purgeDeletedBefore(cutoff, PURGE_BATCH);
            } while (purged == PURGE_BATCH);
        }
    }

    /** Deletes the uploaded import files past their time that no import still uses, a few at a time. */
    private void deleteExpiredImportFiles() {
        try (DatabaseScope scope = DatabaseScope.system("deletion of expired import files")) {
            int deleted;
            do {
                deleted = importFiles.deleteExpired(EXPIRED_FILES_BATCH);
            } while (deleted == EXPIRED_FILES_BATCH);
        }
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
     * Stops everything boot started, last first: dispatch and heartbeat, background jobs, action steps, engine jobs,
     * then the plugins; once. Synchronized: the server's undeploy and the JVM's shutdown hook may both
     * call it, and the second must wait until the first is done.
     */
    private synchronized void shutDown() {
        if (stopped) {
            return;
        }
        stopped = true;
        ready = false;
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

    private AutoCloseable every(long millis, Runnable task) {
        ScheduledFuture<?> future = scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A background round failed; the next one retries", e);
            } catch (Error e) {
                // the executor would end this task silently: say so
                LOG.log(Level.SEVERE, "A background round failed with an error; this task stops", e);
                throw e;
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    /**
     * One consumer's deliveries, on a thread of its own: rounds while there are any, then a pause that
     * ends as soon as a transaction of this node appends events (other nodes' are found when it ends).
     */
    private AutoCloseable dispatching(DomainEventConsumer consumer) {
        Thread thread = threadFactory.newThread(() -> {
            long seen = dispatcher.arrivals();
            while (!stopped) {
                try {
                    while (!stopped && dispatcher.dispatchRound(consumer) > 0) {
                        Thread.onSpinWait();
                    }
                    seen = dispatcher.awaitEvents(seen, DISPATCH_INTERVAL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "A round of " + consumer.name() + "'s deliveries failed; the next one retries", e);
                    sleepQuietly(DISPATCH_INTERVAL_MILLIS);
                } catch (Error e) {
                    LOG.log(Level.SEVERE, "Delivering events to " + consumer.name() + " failed with an error; it stops", e);
                    throw e;
                }
            }
        });
        thread.setName("switchboard-dispatch-" + consumer.name());
        thread.start();
        // stopped is set before this runs: the thread ends after its round, or its pause
        return () -> thread.join(TimeUnit.SECONDS.toMillis(30));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Row-level security only holds if the platform's database role cannot bypass it: a superuser or
     * a role with BYPASSRLS sees every tenant's rows whatever the policies say. Such a role is refused.
     */
    private void verifyDatabaseRole() {
        record Role(String name, boolean superuser, boolean bypassesRls) { }
        Role role = database.queryOne("SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user",
                row -> new Role(row.getString(1), row.getBoolean(2), row.getBoolean(3))).orElseThrow();
        if (role.superuser() || role.bypassesRls()) {
            throw new IllegalStateException("the database role " + role.name() + " (" + (role.superuser() ? "SUPERUSER"
                    : "BYPASSRLS") + ") bypasses row-level security, which keeps tenants apart; connect as a role "
                    + "without SUPERUSER and BYPASSRLS (see docs/operations.md)");
        }
    }

    private void heartbeat() {
        nodes.heartbeat();
        nodes.releaseDeadNodes();
    }
}
