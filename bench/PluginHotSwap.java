import dev.switchboard.acceptance.lifecycle.fixture.FaultOutput;
import dev.switchboard.acceptance.lifecycle.fixture.SwapEcho;
import dev.switchboard.acceptance.lifecycle.fixture.SwapInput;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestBundles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Hot swap under load: a platform started as the tests start it, then for each packaging (OSGi, PF4J)
 * a location whose workflow runs {@code tasks} echo steps for every contact created with the tag
 * {@code swap}. Contacts are created at {@code rate / tasks} per second (action executions per second:
 * {@code rate}) while the echo plugin is upgraded to 2.0.0 and rolled back to 1.0.0 {@code swaps} times
 * (before the load, a few swaps without it, for comparison); then every run is waited for and the steps
 * are counted in the database. Prints Markdown.
 *
 * <pre>
 * java -cp &lt;acceptance test class path&gt; bench/PluginHotSwap.java &lt;launcher jar&gt; &lt;work dir&gt;
 *     [rate=200] [tasks=5] [swaps=20] [pauseMillis=10] [holdMillis=1000]
 * </pre>
 */
public final class PluginHotSwap {

    private static final String ACTION = "bench.swap_echo";
    private static final int IN_FLIGHT = 16;
    private static final int IDLE_SWAPS = 5;

    private PluginHotSwap() {
    }

    /** Upgrade and rollback cycles of the unmeasured warm-up phase. */
    private static final int WARM_UP_SWAPS = 10;

    /** What one packaging's phase measured. */
    record Phase(String packaging, int offeredRate, double loadSeconds, int contacts, int createErrors,
                 List<Double> idleSwaps, List<Double> upgrades, List<Double> rollbacks, List<String> swapErrors,
                 Counts counts, double cpuSeconds) {

        /** CPU time (platform and its PostgreSQL) per action execution, the load's contacts, API and swaps included. */
        double cpuMillisPerExecution() {
            return cpuSeconds * 1000 / counts.steps();
        }
    }

    /** The phase's action steps and runs, as the database has them. */
    record Counts(long steps, long completed, long failed, long retried, long onV1, long onV2, double firstToLastSeconds,
                  long duringLoad, long runs, long runsCompleted, long runsFailed, List<String> errors) {
    }

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int tasks = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int swaps = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        int pauseMillis = args.length > 5 ? Integer.parseInt(args[5]) : 10;
        long holdMillis = args.length > 6 ? Long.parseLong(args[6]) : 1000;

        List<Phase> phases = new ArrayList<>();
        try (RunningPlatform platform = RunningPlatform.start(launcher, work)) {
            Map<String, BiFunction<String, String, byte[]>> packagings = Map.of(
                    "OSGi", (id, version) -> TestBundles.bundle(id, version, SwapEcho.class, SwapInput.class,
                            FaultOutput.class),
                    "PF4J", (id, version) -> TestBundles.pf4j(id, version, SwapEcho.class, SwapInput.class,
                            FaultOutput.class));
            // not measured: the same load for a while first, so that neither packaging's figures include the
            // server's warm-up (class loading, the JIT compiling the hot paths)
            phase(platform, work, "Warmup", packagings.get("PF4J"), rate, tasks, WARM_UP_SWAPS, pauseMillis, holdMillis);
            for (String packaging : List.of("OSGi", "PF4J")) {
                phases.add(phase(platform, work, packaging, packagings.get(packaging), rate, tasks, swaps, pauseMillis,
                        holdMillis));
            }
            System.out.println(report(phases, rate, tasks, swaps, pauseMillis, holdMillis));
        }
    }

    private static Phase phase(RunningPlatform platform, Path work, String packaging,
                               BiFunction<String, String, byte[]> jar, int rate, int tasks, int swaps, int pauseMillis, long holdMillis) throws Exception {
        ApiClient api = platform.admin();
        String pluginId = "bench.swap." + packaging.toLowerCase(Locale.ROOT);
        byte[] v1 = jar.apply(pluginId, "1.0.0");
        byte[] v2 = jar.apply(pluginId, "2.0.0");
        String location = api.postJson("locations", Map.of("name", "Hot swap " + packaging)).json().get("id").asText();
        expect(api.post("plugins", "application/java-archive", v1), 200, "install " + pluginId);
        expect(api.post("locations/" + location + "/workflows", "application/xml",
                workflow(tasks, pauseMillis).getBytes(java.nio.charset.StandardCharsets.UTF_8)), 201, "deploy");

        // first without load, for comparison: no call in flight to wait for
        List<Double> idleSwaps = new ArrayList<>();
        List<String> swapErrors = new ArrayList<>();
        for (int i = 0; i < IDLE_SWAPS; i++) {
            idleSwaps.add(timed(() -> api.post("plugins", "application/java-archive", v2), "idle upgrade", swapErrors));
            idleSwaps.add(timed(() -> api.send("POST", "plugins/" + pluginId + "/rollback", null, null), "idle rollback",
                    swapErrors));
        }

        // the load: contacts at rate / tasks per second, at most IN_FLIGHT requests at once
        ExecutorService senders = Executors.newFixedThreadPool(IN_FLIGHT);
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        AtomicInteger created = new AtomicInteger();
        AtomicInteger createErrors = new AtomicInteger();
        double contactsPerSecond = (double) rate / tasks;
        Thread load = new Thread(() -> {
            long start = System.nanoTime();
            for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
                long due = start + (long) (i * 1e9 / contactsPerSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (!inFlight.tryAcquire()) {
                    continue; // the API is behind: this contact is not offered (the offered rate drops)
                }
                int n = i;
                senders.execute(() -> {
                    try {
                        ApiClient.Response made = api.postJson("locations/" + location + "/contacts", Map.of(
                                "firstName", "Swap" + n, "email", "swap" + n + "@" + packaging.toLowerCase(Locale.ROOT)
                                        + ".bench", "tags", List.of("swap")));
                        (made.status() == 201 ? created : createErrors).incrementAndGet();
                    } catch (RuntimeException e) {
                        createErrors.incrementAndGet();
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }, "load");
        long loadStarted = System.nanoTime();
        double cpuBefore = cpuSeconds(platform, work);
        String windowStart = databaseNow(platform);
        load.start();
        Thread.sleep(holdMillis);

        List<Double> upgrades = new ArrayList<>();
        List<Double> rollbacks = new ArrayList<>();
        for (int i = 0; i < swaps; i++) {
            upgrades.add(timed(() -> api.post("plugins", "application/java-archive", v2), "upgrade", swapErrors));
            Thread.sleep(holdMillis);
            rollbacks.add(timed(() -> api.send("POST", "plugins/" + pluginId + "/rollback", null, null), "rollback",
                    swapErrors));
            Thread.sleep(holdMillis);
        }
        String windowEnd = databaseNow(platform);
        load.interrupt();
        load.join();
        senders.shutdown();
        senders.awaitTermination(2, TimeUnit.MINUTES);
        double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;

        Counts counts = awaitAndCount(platform, location, created.get(), windowStart, windowEnd);
        double cpu = cpuSeconds(platform, work) - cpuBefore;
        expect(api.delete("plugins/" + pluginId + "?force=true"), 204, "remove " + pluginId);
        return new Phase(packaging, rate, loadSeconds, created.get(), createErrors.get(), idleSwaps, upgrades, rollbacks,
                swapErrors, counts, cpu);
    }

    /**
     * CPU seconds the platform's processes have used so far: the launcher and everything under it (the
     * server), and the embedded PostgreSQL, which runs detached from it (found by its data directory
     * under {@code work}) with its backends, whose time once they exit is in the postmaster's children time.
     */
    private static double cpuSeconds(RunningPlatform platform, Path work) {
        ProcessHandle launcher = platform.launcherProcess();
        Map<Long, ProcessHandle> tree = new java.util.HashMap<>();
        Stream.concat(Stream.of(launcher), ProcessHandle.allProcesses()
                        .filter(process -> process.info().commandLine().orElse("").contains(work.toString())))
                .forEach(root -> Stream.concat(Stream.of(root), root.descendants())
                        .forEach(process -> tree.put(process.pid(), process)));
        long ticks = 0;
        for (long pid : tree.keySet()) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // utime, stime, cutime, cstime: fields 14 to 17 of proc(5), counted from the state (field 3)
                for (int i = 11; i <= 14; i++) {
                    ticks += Long.parseLong(fields[i]);
                }
            } catch (IOException | RuntimeException gone) {
                // a process that ended meanwhile: its time is in its parent's children time
            }
        }
        return ticks / 100.0; // USER_HZ
    }

    private static double timed(java.util.function.Supplier<ApiClient.Response> call, String what, List<String> errors) {
        long started = System.nanoTime();
        ApiClient.Response response = call.get();
        double millis = (System.nanoTime() - started) / 1e6;
        if (response.status() != 200) {
            errors.add(what + ": " + response.status() + " " + response.body());
        }
        return millis;
    }

    /** Waits until every run of the location has ended, then counts its steps and runs. */
    private static Counts awaitAndCount(RunningPlatform platform, String location, int contacts, String windowStart,
                                        String windowEnd) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        try (Connection db = platform.database()) {
            while (true) {
                long runs = single(db, "SELECT count(*) FROM workflow_run WHERE location_id = ?::uuid", location);
                long open = single(db, "SELECT count(*) FROM workflow_run WHERE location_id = ?::uuid AND state = 'RUNNING'",
                        location);
                if (runs >= contacts && open == 0) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(open + " runs still running, " + runs + " of " + contacts + " started");
                }
                Thread.sleep(1000);
            }
            try (PreparedStatement query = db.prepareStatement("""
                    SELECT count(*), count(*) FILTER (WHERE status = 'COMPLETED'), count(*) FILTER (WHERE status = 'FAILED'),
                           count(*) FILTER (WHERE attempts > 1), count(*) FILTER (WHERE plugin_version = '1.0.0'),
                           count(*) FILTER (WHERE plugin_version = '2.0.0'),
                           extract(epoch FROM max(finished_at) - min(created_at)),
                           count(*) FILTER (WHERE status = 'COMPLETED' AND finished_at BETWEEN ?::timestamptz AND ?::timestamptz)
                    FROM action_execution WHERE location_id = ?::uuid""")) {
                query.setString(1, windowStart);
                query.setString(2, windowEnd);
                query.setString(3, location);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    long runs = single(db, "SELECT count(*) FROM workflow_run WHERE location_id = ?::uuid", location);
                    long runsCompleted = single(db,
                            "SELECT count(*) FROM workflow_run WHERE location_id = ?::uuid AND state = 'COMPLETED'", location);
                    long runsFailed = single(db,
                            "SELECT count(*) FROM workflow_run WHERE location_id = ?::uuid AND state = 'FAILED'", location);
                    return new Counts(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5),
                            row.getLong(6), row.getDouble(7), row.getLong(8), runs, runsCompleted, runsFailed,
                            errors(db, location));
                }
            }
        }
    }

    /** The distinct reasons of failed or retried steps, with how often each occurred. */
    private static List<String> errors(Connection db, String location) throws Exception {
        List<String> errors = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("""
                SELECT coalesce(t.error, '(none)'), count(*) FROM action_attempt t
                JOIN action_execution a ON a.id = t.action_execution_id
                WHERE a.location_id = ?::uuid AND t.outcome IS DISTINCT FROM 'COMPLETED'
                GROUP BY 1 ORDER BY 2 DESC LIMIT 10""")) {
            query.setString(1, location);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    errors.add(row.getLong(2) + " × " + row.getString(1));
                }
            }
        }
        return errors;
    }

    private static String databaseNow(RunningPlatform platform) throws Exception {
        try (Connection db = platform.database(); ResultSet row = db.createStatement().executeQuery(
                "SELECT clock_timestamp()::text")) {
            row.next();
            return row.getString(1);
        }
    }

    private static long single(Connection db, String sql, String location) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, location);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String workflow(int tasks, int pauseMillis) {
        StringBuilder flow = new StringBuilder();
        String previous = "start";
        for (int i = 1; i <= tasks; i++) {
            flow.append("""
                        <sequenceFlow id="f%1$d" sourceRef="%2$s" targetRef="echo%1$d"/>
                        <serviceTask id="echo%1$d" name="Echo %1$d" sb:action="%3$s"><extensionElements>
                          <sb:input name="text">{{contact.firstName}}</sb:input>
                          <sb:input name="pauseMillis">%4$d</sb:input>
                        </extensionElements></serviceTask>
                    """.formatted(i, previous, ACTION, pauseMillis));
            previous = "echo" + i;
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:sb="https://switchboard.dev/schema/bpmn" targetNamespace="https://switchboard.dev/bench">
                  <process id="hot-swap" name="Hot swap" isExecutable="true">
                    <startEvent id="start"><extensionElements>
                      <sb:trigger event="contact.tag_added"><sb:match field="tag" value="swap"/></sb:trigger>
                    </extensionElements></startEvent>
                %s    <sequenceFlow id="last" sourceRef="%s" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """.formatted(flow, previous);
    }

    private static void expect(ApiClient.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + ": " + response.status() + " " + response.body());
        }
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p / 100 * sorted.size())));
    }

    private static String report(List<Phase> phases, int rate, int tasks, int swaps, int pauseMillis, long holdMillis) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Offered: %d action executions/s (%.1f contacts/s, %d echo steps per run, "
                + "%d ms each); %d upgrades and %d rollbacks, %d ms apart (after %d of each without load); before both,"
                + " the same load with %d swap cycles of a third plugin, not measured.%n%n", rate,
                (double) rate / tasks, tasks, pauseMillis, swaps, swaps, holdMillis, IDLE_SWAPS, WARM_UP_SWAPS));
        out.append("| packaging | idle swap p50 / max ms | upgrade p50 / p99 ms | rollback p50 / p99 ms | all swaps p50 / p99 ms | runs | "
                + "action executions | completed while swapping (per s) | executions/s, first to last step | "
                + "failed steps | retried steps | failed runs | on 1.0.0 / 2.0.0 | CPU ms per execution |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Phase phase : phases) {
            List<Double> all = new ArrayList<>(phase.upgrades());
            all.addAll(phase.rollbacks());
            Counts c = phase.counts();
            out.append(String.format(Locale.ROOT, "| %s | %.0f / %.0f | %.0f / %.0f | %.0f / %.0f | %.0f / %.0f | %d | %d | %d (%.0f) |"
                            + " %.0f | %d | %d | %d | %d / %d | %.1f |%n", phase.packaging(), percentile(phase.idleSwaps(), 50),
                    percentile(phase.idleSwaps(), 100), percentile(phase.upgrades(), 50),
                    percentile(phase.upgrades(), 99), percentile(phase.rollbacks(), 50), percentile(phase.rollbacks(), 99),
                    percentile(all, 50), percentile(all, 99), c.runs(), c.steps(), c.duringLoad(),
                    c.duringLoad() / phase.loadSeconds(), c.completed() / c.firstToLastSeconds(),
                    c.failed(), c.retried(), c.runsFailed(), c.onV1(), c.onV2(), phase.cpuMillisPerExecution()));
        }
        out.append('\n');
        for (Phase phase : phases) {
            out.append(String.format(Locale.ROOT, "- %s: %d contacts created in %.1f s (%.0f action executions/s offered), "
                            + "%d creations failed; swap errors: %s; attempts not completed: %s%n", phase.packaging(),
                    phase.contacts(), phase.loadSeconds(), phase.contacts() * tasks / phase.loadSeconds(),
                    phase.createErrors(), phase.swapErrors().isEmpty() ? "none" : phase.swapErrors(),
                    phase.counts().errors().isEmpty() ? "none" : phase.counts().errors()));
        }
        double cores = Runtime.getRuntime().availableProcessors();
        for (Phase phase : phases) {
            out.append(String.format(Locale.ROOT, "- %s: %.1f ms of CPU per action execution, everything included: at most"
                            + " %.0f executions/s on this machine's %.0f cores%n", phase.packaging(),
                    phase.cpuMillisPerExecution(), cores * 1000 / phase.cpuMillisPerExecution(), cores));
        }
        return out.toString();
    }
}
