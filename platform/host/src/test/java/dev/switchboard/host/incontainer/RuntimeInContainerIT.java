package dev.switchboard.host.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.bpmn.engine.WorkflowEngine;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.events.EventCatalog;
import dev.switchboard.core.events.EventOutbox;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The runtime's core services inside the real server, on the packaged platform: transactions on the
 * server's worker threads, and per-consumer event delivery. One deployment (one server boot) for the
 * whole suite; the platform boots in it as in production.
 */
@ExtendWith(ArquillianExtension.class)
class RuntimeInContainerIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String PROBE_BPMN = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
              <process id="in-container-probe" isExecutable="true"><startEvent id="s"/>
                <sequenceFlow id="f" sourceRef="s" targetRef="e"/><endEvent id="e"/></process></definitions>""";

    @Deployment
    static WebArchive platform() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("switchboard.in-container.war")))
                .addClass(FailingConsumer.class);
    }

    @Inject
    Database db;

    @Inject
    EventOutbox outbox;

    @Inject
    WorkflowEngine engine;

    @Resource
    UserTransaction transaction;

    @Resource
    ManagedThreadFactory threads;

    @Test
    void aFailingConsumerNeitherRollsBackNorDelaysAnother() throws Exception {
        UUID location = anyLocation();
        transaction.begin();
        UUID event = outbox.append(location, EventCatalog.CONTACT_CREATED,
                Json.createObjectBuilder().add("contactId", UUID.randomUUID().toString()).build());
        transaction.commit();

        awaitTrue(() -> "DONE".equals(deliveryStatus("workflow-triggers", event))
                && attempts(FailingConsumer.NAME, event) >= 2);

        assertEquals("DONE", deliveryStatus("workflow-triggers", event));
        assertTrue(java.util.Set.of("PENDING", "CLAIMED", "PARKED").contains(deliveryStatus(FailingConsumer.NAME, event)));
        String error = db.queryOne("SELECT last_error FROM event_delivery WHERE consumer = ? AND event_id = ?",
                row -> row.getString(1), FailingConsumer.NAME, event).orElse("");
        assertTrue(error.contains("the consumer fails on purpose"), error);
    }

    @Test
    void theEngineAndThePlatformRollBackTogetherOnAWorkerThread() throws Exception {
        String tenant = anyLocation().toString();

        onWorkerThread(manager -> {
            manager.begin();
            writeBoth("in-container-rolled-back", tenant);
            manager.rollback();
        });
        onWorkerThread(manager -> {
            manager.begin();
            writeBoth("in-container-committed", tenant);
            manager.commit();
        });

        assertEquals(0, nodes("in-container-rolled-back"), "the platform's row of the rolled back transaction");
        assertEquals(0, deployments("in-container-rolled-back"), "the engine's rows of the rolled back transaction");
        assertEquals(1, nodes("in-container-committed"));
        assertEquals(1, deployments("in-container-committed"));
    }

    /** A platform row and an engine deployment, in whatever transaction is current. */
    private void writeBoth(String name, String tenant) {
        db.update("INSERT INTO platform_node (node_id) VALUES (?)", name);
        engine.repository().createDeployment().name(name).tenantId(tenant)
                .addString("probe.bpmn20.xml", PROBE_BPMN).deploy();
    }

    /**
     * Runs on a thread of the server's managed thread factory, as engine jobs and action steps do:
     * a thread the connection pool does not enlist connections on by itself.
     */
    private void onWorkerThread(TransactionWork work) throws Exception {
        TransactionManager manager = (TransactionManager) new InitialContext().lookup("java:appserver/TransactionManager");
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread thread = threads.newThread(() -> {
            try {
                work.run(manager);
            } catch (Exception e) {
                failure.set(e);
            }
        });
        thread.start();
        thread.join(WITHIN.toMillis());
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private int nodes(String name) {
        return db.queryOne("SELECT count(*) FROM platform_node WHERE node_id = ?", row -> row.getInt(1), name).orElse(0);
    }

    private long deployments(String name) {
        return engine.repository().createDeploymentQuery().deploymentName(name).count();
    }

    private UUID anyLocation() {
        return db.queryOne("SELECT id FROM location ORDER BY created_at LIMIT 1", row -> row.getObject(1, UUID.class))
                .orElseThrow();
    }

    private String deliveryStatus(String consumer, UUID event) {
        return db.queryOne("SELECT status FROM event_delivery WHERE consumer = ? AND event_id = ?",
                row -> row.getString(1), consumer, event).orElse(null);
    }

    private int attempts(String consumer, UUID event) {
        Optional<Integer> attempts = db.queryOne("SELECT attempts FROM event_delivery WHERE consumer = ? AND event_id = ?",
                row -> row.getInt(1), consumer, event);
        return attempts.orElse(0);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WITHIN);
            }
            Thread.sleep(200);
        }
    }

    /** Work done with the server's transaction manager. */
    @FunctionalInterface
    private interface TransactionWork {
        void run(TransactionManager manager) throws Exception;
    }
}
