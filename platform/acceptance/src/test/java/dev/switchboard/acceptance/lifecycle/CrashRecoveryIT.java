package dev.switchboard.acceptance.lifecycle;

import static dev.switchboard.acceptance.support.Scenario.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.switchboard.acceptance.lifecycle.fixture.CrashingActions;
import dev.switchboard.acceptance.support.EmailPlugin;
import dev.switchboard.acceptance.support.Mailbox;
import dev.switchboard.acceptance.support.OwnPlatform;
import dev.switchboard.acceptance.support.PlatformOfItsOwn;
import dev.switchboard.acceptance.support.Problems;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestBundles;
import dev.switchboard.testkit.TestLocation;
import jakarta.mail.internet.MimeMessage;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The platform killed outright, the way power cuts and the OOM killer do it: what a half-done job
 * leaves in the database (nothing), what happens to mail in flight (none lost; a repeat is
 * recognisably the same message), and what happens to a step that takes its node down each time
 * (parked after the second crash). Runs on a platform of its own, since it kills it.
 */
@PlatformOfItsOwn
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryIT {

    private static final int SENDS = 500;
    /** After a restart, runs in flight must carry on within this long: not when some lock expires. */
    private static final Duration RESUMES_WITHIN = Duration.ofSeconds(30);

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static RunningPlatform platform;
    private static TestLocation location;
    private static Scenario scenario;

    @BeforeAll
    static void start() {
        platform = OwnPlatform.start();
        location = OwnPlatform.location(platform, "Crash recovery");
        scenario = new Scenario(location);
        EmailPlugin.ensureInstalled(location.api());
        EmailPlugin.useSmtp(location, SMTP.getSmtp().getPort());
        scenario.deployFixture(CrashRecoveryIT.class, "welcome");
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    /**
     * A run moving on past a completed step (on the action worker's thread, in a transaction of its own)
     * killed between its statements: the step stays completed, nothing of the move is left, and after the
     * restart the node's recovery hands the run to a job of the engine, which finishes it.
     */
    @Test
    @Order(10)
    void aRunKilledWhileMovingOnLeavesNothingOfTheMoveBehind() throws Exception {
        String contact = scenario.contact("Ada", "ada.atomic@example.com");
        String run;
        try (Connection blocker = platform.database()) {
            blocker.setAutoCommit(false);
            scenario.tag(contact, "welcome");
            run = scenario.awaitRuns(contact, Duration.ofSeconds(30), runs -> runs.size() == 1).get(0).get("id").asText();
            // the run ends by writing its history row: hold that row, so the move stops after its other writes
            blocker.createStatement().execute("SELECT 1 FROM act_hi_procinst WHERE proc_inst_id_ = '" + run + "' FOR UPDATE");
            awaitMoveBlockedAfterWriting(run);

            platform.killAbruptly();
        }
        try (Connection database = platform.database()) {
            assertThat(count(database, "SELECT count(*) FROM action_execution WHERE run_id = '" + run
                    + "' AND status = 'COMPLETED' AND NOT continued AND lease_owner IS NOT NULL"))
                    .as("the completed step, still leased to its node, its run not moved on").isEqualTo(1);
            assertThat(count(database, "SELECT count(*) FROM action_execution WHERE run_id = '" + run + "' AND continued"))
                    .as("steps the killed move had continued").isZero();
            assertThat(text(database, "SELECT state FROM workflow_run WHERE id = '" + run + "'")).isEqualTo("RUNNING");
            assertThat(text(database, "SELECT end_time_ FROM act_hi_procinst WHERE proc_inst_id_ = '" + run + "'")).isNull();
        }

        restartAndSignIn();

        JsonNode finished = scenario.endedRuns(contact, 1, RESUMES_WITHIN).get(0);
        assertThat(finished.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(Mailbox.messagesTo(SMTP, "ada.atomic@example.com")).as("the email, sent once").hasSize(1);
    }

    @Test
    @Order(20)
    void killedAgainAndAgainDuringFiveHundredSendsItLosesNoneAndRepeatsOnlyWithTheSameMessageId() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        List<String> contacts = createContacts(SENDS);
        ExecutorService taggers = Executors.newFixedThreadPool(8);
        List<Future<?>> tagging = new ArrayList<>();
        for (String contact : contacts) {
            tagging.add(taggers.submit(() -> untilAccepted(() -> scenario.tag(contact, "welcome"))));
        }
        for (int threshold : List.of(SENDS / 5, SENDS / 2)) {
            awaitReceived(threshold, Duration.ofMinutes(3));
            platform.killAbruptly();
            int before = SMTP.getReceivedMessages().length;
            restartAndSignIn();
            long ready = System.nanoTime();
            awaitReceived(before + 1, RESUMES_WITHIN);
            assertThat(Duration.ofNanos(System.nanoTime() - ready)).as("runs in flight carried on after the restart")
                    .isLessThan(RESUMES_WITHIN);
        }
        for (Future<?> tag : tagging) {
            tag.get();
        }
        taggers.shutdown();

        Map<String, Set<String>> messageIds = new HashMap<>();
        awaitRecipients(SENDS, Duration.ofMinutes(3));
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            String recipient = message.getAllRecipients()[0].toString();
            if (recipient.startsWith("reader")) {
                messageIds.computeIfAbsent(recipient, key -> new HashSet<>()).add(message.getMessageID());
            }
        }
        assertThat(messageIds).as("recipients that got the welcome").hasSize(SENDS);
        assertThat(messageIds.values()).as("a repeated email carries the same Message-ID").allMatch(ids -> ids.size() == 1);
        for (String contact : contacts) {
            JsonNode run = scenario.endedRuns(contact, 1, Duration.ofMinutes(1)).get(0);
            assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("COMPLETED");
            JsonNode send = step(run, "send");
            assertThat(send.get("status").asText()).isEqualTo("COMPLETED");
            assertThat(messageIds.values()).anyMatch(ids -> ids.contains(send.get("vendorId").asText()));
        }
    }

    @Test
    @Order(25)
    void aPluginMissingAClassFailsItsStepWithTheReasonAndNothingElse() {
        byte[] plugin = TestBundles.bundle("test.crashing.plugin", "1.0.0", CrashingActions.class);
        Problems.assertProblem(location.api().post("plugins", "application/java-archive", plugin), 400,
                "java.lang.Runtime.halt");
        // the operator decides to run it anyway: its code is trusted explicitly, the finding stays on record
        assertThat(location.api().send("PUT", "platform/trusted-plugins/test.crashing.plugin", null, null).status())
                .isEqualTo(200);
        ApiClient.Response installed = location.api().post("plugins", "application/java-archive", plugin);
        assertThat(installed.status()).as(installed.body()).isEqualTo(200);
        scenario.deployFixture(CrashRecoveryIT.class, "missing-class");
        String contact = scenario.contact("Linkage", "linkage@example.com");

        scenario.tag(contact, "missing-class");

        JsonNode run = scenario.endedRuns(contact, 1, Duration.ofMinutes(1)).get(0);
        assertThat(run.get("state").asText()).isEqualTo("FAILED");
        JsonNode step = step(run, "call");
        assertThat(step.get("attempts").asInt()).isEqualTo(3);
        assertThat(step.get("error").asText()).contains("plugin test.crashing.plugin 1.0.0 failed")
                .contains("NoClassDefFoundError: com/acme/sdk/Client");
    }

    @Test
    @Order(30)
    void aStepThatKillsItsNodeIsParkedAfterTheSecondCrashAndTheNodeStaysUp() {
        scenario.deployFixture(CrashRecoveryIT.class, "halts");
        String contact = scenario.contact("Crash", "crash@example.com");

        scenario.tag(contact, "halts");

        assertThat(platform.awaitExit(Duration.ofMinutes(1))).as("the first crash").isTrue();
        startAllowingACrash();
        assertThat(platform.awaitExit(Duration.ofMinutes(1))).as("the second crash, retrying the step").isTrue();
        restartAndSignIn();

        JsonNode run = scenario.endedRuns(contact, 1, Duration.ofMinutes(1)).get(0);
        assertThat(run.get("state").asText()).isEqualTo("FAILED");
        assertThat(run.get("error").asText()).contains("step 'halt'").contains("stopped 2 times");
        assertThat(step(run, "halt").get("status").asText()).isEqualTo("FAILED");
        Scenario.sleep(5000);
        assertThat(location.api().get("health").status()).as("the node stays up").isEqualTo(200);
    }

    /** Waits until a job of the run waits on the held row after having written; returns the job's id. */
    /** Waits until the run's step completed and the move past it waits for the held row. */
    private static void awaitMoveBlockedAfterWriting(String run) throws SQLException {
        try (Connection observer = platform.database()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                if (count(observer, """
                        SELECT count(*) FROM action_execution WHERE run_id = '%s' AND status = 'COMPLETED' AND EXISTS (
                            SELECT 1 FROM pg_stat_activity a WHERE a.wait_event_type = 'Lock' AND a.backend_xid IS NOT NULL
                                AND a.datname = current_database() AND a.pid <> pg_backend_pid())""".formatted(run)) > 0) {
                    return;
                }
                Scenario.sleep(100);
            }
        }
        throw new AssertionError("the move of run " + run + " past its step did not get to the held row");
    }

    private static List<String> createContacts(int count) throws Exception {
        ExecutorService creators = Executors.newFixedThreadPool(8);
        List<Future<String>> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            created.add(creators.submit(() -> scenario.contact("Reader" + n, "reader" + n + "@example.com")));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> id : created) {
            ids.add(id.get());
        }
        creators.shutdown();
        return ids;
    }

    /** Repeats a call while the platform is down; tagging twice changes nothing, so a repeat is safe. */
    private static void untilAccepted(Runnable call) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            try {
                call.run();
                return;
            } catch (UncheckedIOException | AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Scenario.sleep(500);
            }
        }
    }

    /** Starts the platform again, which may crash before it is even ready: the step runs as soon as the node can. */
    private static void startAllowingACrash() {
        try {
            platform.start();
        } catch (IllegalStateException e) {
            assertThat(e.getMessage()).contains("the platform exited");
        }
    }

    /** Starts the platform on the same data again; tokens survive, but a fresh sign-in keeps the test honest. */
    private static void restartAndSignIn() {
        platform.start();
        location = OwnPlatform.signInAgain(platform, location);
        scenario = new Scenario(location);
    }

    private static void awaitReceived(int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (SMTP.getReceivedMessages().length < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + SMTP.getReceivedMessages().length + " of " + count + " emails within " + within);
            }
            Thread.sleep(100);
        }
    }

    private static void awaitRecipients(int count, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Set<String> recipients = new HashSet<>();
            for (MimeMessage message : SMTP.getReceivedMessages()) {
                recipients.add(message.getAllRecipients()[0].toString());
            }
            if (recipients.size() >= count) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + recipients.size() + " of " + count + " recipients got their email");
            }
            Thread.sleep(200);
        }
    }


    private static int count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }

    private static String text(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }
}
