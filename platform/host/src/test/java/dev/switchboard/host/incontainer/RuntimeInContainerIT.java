package dev.switchboard.host.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.bpmn.engine.WorkflowEngine;
import dev.switchboard.core.crm.Actor;
import dev.switchboard.core.crm.contacts.Contacts;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.EntityMappings;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.events.EventCatalog;
import dev.switchboard.core.events.EventOutbox;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The runtime's core services inside the real server, on the packaged platform: transactions on the
 * server's worker threads, per-consumer event delivery, row-level security between tenants, and the
 * engine's refusal to run code from a model that never passed the deploy check. One deployment (one server boot) for the
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
                .addClasses(FailingConsumer.class, RecordingConsumer.class, RecordingConsumer.Delivered.class,
                        MarkerDelegate.class);
    }

    @Inject
    Database db;

    @Inject
    EventOutbox outbox;

    @Inject
    RecordingConsumer recording;

    @Inject
    WorkflowEngine engine;

    @Inject
    Contacts contacts;

    @PersistenceContext(unitName = EntityMappings.UNIT)
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Resource
    ManagedThreadFactory threads;

    /** The tests look at every tenant's rows, as the platform's cross-tenant work does, unless they say otherwise. */
    @BeforeEach
    void inspectAllTenants() {
        DatabaseScope.reset();
        DatabaseScope.system("in-container test");
    }

    @AfterEach
    void leaveScope() {
        DatabaseScope.reset();
    }

    @Test
    void rowLevelSecurityShowsAQueryThatForgetsItsLocationOnlyTheCurrentLocation() throws Exception {
        UUID agency = anyAgency();
        UUID locationA = newLocation(agency, "rls-a");
        UUID locationB = newLocation(agency, "rls-b");
        UUID contactA = newContact(locationA, "rls-probe");
        UUID contactB = newContact(locationB, "rls-probe");
        UUID otherAgency = UUID.randomUUID();
        db.update("INSERT INTO agency (id, name) VALUES (?, 'rls-other-agency')", otherAgency);

        try (DatabaseScope scope = DatabaseScope.location(agency, locationA)) {
            assertEquals(java.util.List.of(contactA), db.query("SELECT id FROM contact WHERE first_name = 'rls-probe'",
                    row -> row.getObject(1, UUID.class)), "a query without a location filter, in location A");
            assertEquals(0, db.update("UPDATE contact SET last_name = 'changed' WHERE id = ?", contactB),
                    "an update of location B's contact from location A");
            assertEquals(0, db.update("DELETE FROM contact WHERE id = ?", contactB));
            RuntimeException refused = assertThrows(RuntimeException.class, () -> db.update(
                    "INSERT INTO contact (id, location_id, first_name) VALUES (?, ?, 'rls-intruder')", UUID.randomUUID(), locationB));
            assertTrue(String.valueOf(refused.getCause()).contains("row-level security"), String.valueOf(refused.getCause()));
            assertEquals(0, count("SELECT count(*) FROM access_token"), "tokens outside sign-in");
        }
        try (DatabaseScope scope = DatabaseScope.agency(otherAgency)) {
            assertEquals(0, count("SELECT count(*) FROM contact"), "contacts seen by another agency");
            assertEquals(0, count("SELECT count(*) FROM location WHERE agency_id = '" + agency + "'"),
                    "another agency's locations");
            assertEquals(0, count("SELECT count(*) FROM app_user"), "users of another agency");
        }
        DatabaseScope.reset();
        assertEquals(0, count("SELECT count(*) FROM contact"), "contacts seen outside any scope");
        assertEquals(0, count("SELECT count(*) FROM agency"), "agencies seen outside any scope");
        DatabaseScope.system("in-container test");
        assertEquals(Optional.of("untouched"), db.queryOne("SELECT coalesce(last_name, 'untouched') FROM contact WHERE id = ?",
                row -> row.getString(1), contactB), "location B's contact after location A's update and delete");
    }

    /**
     * The policies' scope functions are PARALLEL SAFE (V19), so a large count under them may be planned with
     * parallel workers: the workers must see only the scope's rows too, and another location's not at all.
     */
    @Test
    void parallelWorkersSeeOnlyTheScopesRows() throws Exception {
        UUID agency = anyAgency();
        UUID locationA = newLocation(agency, "parallel-a");
        UUID locationB = newLocation(agency, "parallel-b");
        for (int i = 0; i < 3; i++) {
            newContact(locationA, "parallel-probe");
        }
        newContact(locationB, "parallel-probe");
        try (DatabaseScope scope = DatabaseScope.location(agency, locationA)) {
            transaction.begin();
            try {
                // parallel plans made free, and the indexes out of the way, so that even a small table is scanned by workers
                db.queryOne("""
                        SELECT set_config('parallel_setup_cost', '0', true), set_config('parallel_tuple_cost', '0', true),
                               set_config('min_parallel_table_scan_size', '0', true), set_config('enable_indexscan', 'off', true),
                               set_config('enable_bitmapscan', 'off', true), set_config('enable_indexonlyscan', 'off', true)""",
                        row -> row.getString(1));
                assertEquals(3, countInParallel("SELECT count(*) FROM contact WHERE first_name = 'parallel-probe'"),
                        "contacts counted by parallel workers in location A");
                assertEquals(0, countInParallel("SELECT count(*) FROM contact WHERE location_id = '" + locationB + "'"),
                        "location B's contacts asked for by id, through parallel workers in location A");
            } finally {
                transaction.rollback();
            }
        }
    }

    @Test
    void entitiesLiveUnderTheSameRowLevelSecurityAndTransactionAsPlainSql() throws Exception {
        UUID agency = anyAgency();
        UUID locationA = newLocation(agency, "jpa-a");
        UUID locationB = newLocation(agency, "jpa-b");
        UUID contactB = newContact(locationB, "jpa-probe");
        try (DatabaseScope scope = DatabaseScope.location(agency, locationA)) {
            assertTrue(em.createQuery("SELECT c.id FROM ContactEntity c WHERE c.firstName = 'jpa-probe'", UUID.class)
                    .getResultList().isEmpty(), "an entity query in location A sees location B's contact");
            assertTrue(contacts.find(LocationId.of(locationB), contactB).isEmpty(), "a find of another location's contact");

            // one transaction: an entity written through the service and a row written with SQL roll back together
            transaction.begin();
            UUID created = contacts.create(LocationId.of(locationA), Json.createObjectBuilder().add("firstName", "jpa-rollback")
                    .build(), Actor.system("in-container test")).contact().id();
            db.update("UPDATE location SET name = 'jpa-a-renamed' WHERE id = ?", locationA);
            transaction.rollback();
            assertTrue(contacts.find(LocationId.of(locationA), created).isEmpty(), "the entity of a rolled back transaction");
            assertEquals(0, count("SELECT count(*) FROM change_record WHERE contact_id = '" + created + "'"));
        }
        assertEquals(Optional.of("jpa-a"), db.queryOne("SELECT name FROM location WHERE id = ?", row -> row.getString(1), locationA));
    }

    @Test
    void deletedContactsArePurgedOnlyAfterTheirRestorePeriod() {
        UUID agency = anyAgency();
        UUID location = newLocation(agency, "purge");
        UUID old;
        UUID recent;
        try (DatabaseScope scope = DatabaseScope.location(agency, location)) {
            old = contacts.create(LocationId.of(location), Json.createObjectBuilder().add("firstName", "purge-old").build(),
                    Actor.system("in-container test")).contact().id();
            recent = contacts.create(LocationId.of(location), Json.createObjectBuilder().add("firstName", "purge-recent").build(),
                    Actor.system("in-container test")).contact().id();
            contacts.delete(LocationId.of(location), old, Actor.system("in-container test"));
            contacts.delete(LocationId.of(location), recent, Actor.system("in-container test"));
        }
        db.update("INSERT INTO note (id, location_id, contact_id, body) VALUES (?, ?, ?, 'a note')", UUID.randomUUID(), location, old);
        db.update("UPDATE contact SET deleted_at = now() - interval '31 days' WHERE id = ?", old);

        int purged = contacts.purgeDeletedBefore(java.time.OffsetDateTime.now().minusDays(Contacts.RESTORABLE_DAYS), 500);

        assertTrue(purged >= 1, "purged " + purged);
        assertEquals(0, count("SELECT count(*) FROM contact WHERE id = '" + old + "'"), "a contact deleted 31 days ago");
        assertEquals(0, count("SELECT count(*) FROM note WHERE contact_id = '" + old + "'"), "its notes");
        assertEquals(1, count("SELECT count(*) FROM contact WHERE id = '" + recent + "'"), "a contact deleted just now");
        assertTrue(count("SELECT count(*) FROM change_record WHERE contact_id = '" + old + "'") > 0, "its history stays");
    }

    @Test
    void aModelThatSlipsPastTheDeployCheckStillCannotRunCode() throws Exception {
        String tenant = anyLocation().toString();
        java.nio.file.Path marker = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "shell-ran-" + UUID.randomUUID());
        Map<String, String> hostile = Map.of(
                "java-class", "<serviceTask id=\"t\" flowable:class=\"" + MarkerDelegate.class.getName() + "\"/>",
                "juel-expression", "<serviceTask id=\"t\" flowable:expression=\"${execution.setVariable('pwned', true)}\"/>",
                "shell", "<serviceTask id=\"t\" flowable:type=\"shell\"><extensionElements>"
                        + "<flowable:field name=\"command\" stringValue=\"touch\"/>"
                        + "<flowable:field name=\"arg1\" stringValue=\"" + marker + "\"/></extensionElements></serviceTask>",
                "listener", "<task id=\"t\"><extensionElements><flowable:executionListener event=\"start\" class=\""
                        + MarkerDelegate.class.getName() + "\"/></extensionElements></task>",
                "script", "<scriptTask id=\"t\" scriptFormat=\"javascript\"><script>java.lang.System.setProperty('"
                        + MarkerDelegate.PROPERTY + "', 'script')</script></scriptTask>",
                "juel-condition", "<exclusiveGateway id=\"t\" default=\"d\"/><sequenceFlow id=\"c\" sourceRef=\"t\" targetRef=\"e\">"
                        + "<conditionExpression>${execution.setVariable('pwned', true) == null}</conditionExpression></sequenceFlow>"
                        + "<sequenceFlow id=\"d\" sourceRef=\"t\" targetRef=\"e\"/>");
        Map<String, String> runs = new java.util.HashMap<>();
        for (Map.Entry<String, String> model : hostile.entrySet()) {
            String key = "hostile-" + model.getKey();
            String xml = """
                    <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                                 targetNamespace="t"><process id="%s" isExecutable="true"><startEvent id="s"/>
                      <sequenceFlow id="f" sourceRef="s" targetRef="t"/>%s
                      %s<endEvent id="e"/></process></definitions>""".formatted(key, model.getValue(),
                    model.getKey().equals("juel-condition") ? "" : "<sequenceFlow id=\"g\" sourceRef=\"t\" targetRef=\"e\"/>");
            // straight into the engine: the deploy check of the API never sees this model
            engine.repository().createDeployment().tenantId(tenant).addString(key + ".bpmn20.xml", xml).deploy();
            runs.put(model.getKey(), engine.runtime().startProcessInstanceByKeyAndTenantId(key, tenant).getId());
        }

        // the engine's own path: the job of each run fails until it is parked in the dead-letter table
        awaitTrue(() -> runs.values().stream().allMatch(run -> parkedError(run) != null));

        assertEquals(null, System.getProperty(MarkerDelegate.PROPERTY), "Java code or a script of a model ran");
        assertTrue(!java.nio.file.Files.exists(marker), "the shell command of a model ran");
        for (Map.Entry<String, String> run : runs.entrySet()) {
            assertEquals(0, engine.history().createHistoricVariableInstanceQuery().processInstanceId(run.getValue())
                    .variableName("pwned").count(), run.getKey() + ": a JUEL expression ran");
            String error = parkedError(run.getValue());
            assertTrue(error.contains("profile") || error.contains("JUEL"), run.getKey() + ": " + error);
        }
    }

    @Test
    void aFailingConsumerNeitherRollsBackNorDelaysAnother() throws Exception {
        UUID location = anyLocation();
        transaction.begin();
        UUID event = outbox.append(LocationId.of(location), EventCatalog.CONTACT_CREATED,
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
    void aRoundDeliversSideBySideButOneContactsEventsInOrder() throws Exception {
        UUID location = anyLocation();
        String sameContact = UUID.randomUUID().toString();
        java.util.List<String> sameContactEvents = new java.util.ArrayList<>();
        java.util.Set<String> all = new java.util.HashSet<>();
        transaction.begin();
        for (int i = 0; i < 20; i++) {
            UUID mine = outbox.append(LocationId.of(location), EventCatalog.CONTACT_CREATED,
                    Json.createObjectBuilder().add("contactId", sameContact).build());
            UUID other = outbox.append(LocationId.of(location), EventCatalog.CONTACT_CREATED,
                    Json.createObjectBuilder().add("contactId", UUID.randomUUID().toString()).build());
            sameContactEvents.add(mine.toString());
            all.add(mine.toString());
            all.add(other.toString());
        }
        transaction.commit();

        awaitTrue(() -> recording.delivered().stream().map(RecordingConsumer.Delivered::eventId)
                .filter(all::contains).distinct().count() == all.size());

        java.util.List<RecordingConsumer.Delivered> ours = recording.delivered().stream()
                .filter(delivered -> all.contains(delivered.eventId())).toList();
        assertEquals(sameContactEvents, ours.stream().filter(delivered -> delivered.contactId().equals(sameContact))
                .map(RecordingConsumer.Delivered::eventId).toList(), "one contact's events, in the order they happened");
        assertTrue(ours.stream().map(RecordingConsumer.Delivered::thread).distinct().count() > 1,
                "the contacts' lanes ran on several threads: " + ours);
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

    private UUID newLocation(UUID agency, String name) {
        UUID id = UUID.randomUUID();
        db.update("INSERT INTO location (id, agency_id, name) VALUES (?, ?, ?)", id, agency, name);
        return id;
    }

    private UUID newContact(UUID location, String firstName) {
        UUID id = UUID.randomUUID();
        db.update("INSERT INTO contact (id, location_id, first_name) VALUES (?, ?, ?)", id, location, firstName);
        return id;
    }

    private long count(String sql) {
        return db.queryOne(sql, row -> row.getLong(1)).orElseThrow();
    }

    /** A count whose plan scans the contacts with parallel workers (the test fails if it would not). */
    private long countInParallel(String sql) {
        String plan = String.join("\n", db.query("EXPLAIN (COSTS OFF) " + sql, row -> row.getString(1)));
        assertTrue(plan.contains("Gather") && plan.contains("Parallel Seq Scan on contact"), plan);
        return count(sql);
    }

    /** The error of the run's job in the dead-letter table, or null while it is not parked. */
    private String parkedError(String runId) {
        return engine.management().createDeadLetterJobQuery().processInstanceId(runId).list().stream()
                .map(job -> String.valueOf(job.getExceptionMessage())).findFirst().orElse(null);
    }

    private int nodes(String name) {
        return db.queryOne("SELECT count(*) FROM platform_node WHERE node_id = ?", row -> row.getInt(1), name).orElse(0);
    }

    private long deployments(String name) {
        return engine.repository().createDeploymentQuery().deploymentName(name).count();
    }

    private UUID anyAgency() {
        return db.queryOne("SELECT id FROM agency ORDER BY created_at LIMIT 1", row -> row.getObject(1, UUID.class))
                .orElseThrow();
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
