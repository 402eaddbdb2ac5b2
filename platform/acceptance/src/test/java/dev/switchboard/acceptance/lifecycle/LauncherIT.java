package dev.switchboard.acceptance.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.acceptance.support.PlatformOfItsOwn;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.RunningPlatform;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The launcher as an operator meets it: it boots on a machine whose cores are all busy, says why a
 * deployment failed, stops in order on Ctrl-C, and leaves nothing running when it is killed outright.
 */
@PlatformOfItsOwn
class LauncherIT {

    private static final Path LAUNCHER = Path.of(System.getProperty("switchboard.launcher.jar"));
    private static final Path PLATFORMS = Path.of(System.getProperty("switchboard.test.dir"));
    /** How long the server and the database may outlive a killed launcher. */
    private static final Duration ORPHAN_GRACE = Duration.ofSeconds(30);

    @Test
    void bootsWhileEveryCoreIsBusy() {
        AtomicBoolean burning = new AtomicBoolean(true);
        List<Thread> burners = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            Thread burner = new Thread(() -> {
                long x = 0;
                while (burning.get()) {
                    x += System.nanoTime() % 7;
                }
                assertThat(x).isNotNegative();
            }, "cpu-burner-" + i);
            burner.start();
            burners.add(burner);
        }
        try (RunningPlatform platform = RunningPlatform.start(LAUNCHER, PLATFORMS)) {
            assertThat(platform.log()).contains("Switchboard is ready");
            assertThat(ApiClient.anonymous(platform.baseUri()).get("health").status()).isEqualTo(200);
        } finally {
            burning.set(false);
        }
    }

    @Test
    void aFailedDeploymentIsReportedWithItsReasonAndTheLauncherExits() throws Exception {
        Path directory = Files.createTempDirectory(Files.createDirectories(PLATFORMS), "failing-");
        ProcessBuilder builder = new ProcessBuilder(java(), "-jar", LAUNCHER.toString())
                .directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("platform.log").toFile());
        builder.environment().putAll(Map.of("SWITCHBOARD_PORT", String.valueOf(freePort()),
                "SWITCHBOARD_DB_URL", "jdbc:postgresql://127.0.0.1:" + freePort() + "/nowhere",
                "SWITCHBOARD_JAVA_OPTS", RunningPlatform.TEST_JAVA_OPTIONS));
        Process launcher = builder.start();

        assertThat(launcher.waitFor(5, TimeUnit.MINUTES)).as("the launcher exits by itself").isTrue();
        String log = Files.readString(directory.resolve("platform.log"));
        assertThat(launcher.exitValue()).as(log).isEqualTo(1);
        assertThat(log).contains("the platform did not start: ")
                .contains("Connection to 127.0.0.1").contains("refused");
        assertThat(ProcessHandle.allProcesses().map(LauncherIT::command).filter(command -> command.contains(directory.toString())))
                .as("processes of the failed start").isEmpty();
    }

    @Test
    void ctrlCStopsTheServerFirstThenTheDatabase() throws Exception {
        RunningPlatform platform = RunningPlatform.start(LAUNCHER, PLATFORMS);
        List<ProcessHandle> platformProcesses = platformProcesses(platform);

        new ProcessBuilder("kill", "-INT", String.valueOf(platform.launcherProcess().pid())).start().waitFor();

        awaitGone(platformProcesses);
        String log = platform.log();
        assertThat(log).contains("[switchboard] stopping the server", "stopping embedded PostgreSQL", "[switchboard] stopped");
        assertThat(log.indexOf("[switchboard] the server stopped (status")).as("the server exited before its database stopped")
                .isPositive().isLessThan(log.indexOf("stopping embedded PostgreSQL"));
        platform.close();
    }

    @Test
    void killingTheLauncherStopsTheServerAndTheDatabase() throws Exception {
        RunningPlatform platform = RunningPlatform.start(LAUNCHER, PLATFORMS);
        List<ProcessHandle> platformProcesses = platformProcesses(platform);

        platform.launcherProcess().destroyForcibly();

        awaitGone(platformProcesses);
        assertThat(platform.log()).contains("the launcher was killed; stopping the platform");
        platform.close();
    }

    @Test
    void killingEveryLauncherProcessStillStopsTheServerAndTheDatabase() throws Exception {
        RunningPlatform platform = RunningPlatform.start(LAUNCHER, PLATFORMS);
        List<ProcessHandle> platformProcesses = platformProcesses(platform);
        List<ProcessHandle> launchers = new ArrayList<>(List.of(platform.launcherProcess()));
        platform.launcherProcess().children().filter(child -> command(child).contains("SwitchboardLauncher"))
                .forEach(launchers::add);
        assertThat(launchers).hasSize(2);

        launchers.forEach(ProcessHandle::destroyForcibly);

        awaitGone(platformProcesses);
        platform.close();
    }

    /** The server and the embedded PostgreSQL server (its postmaster), as they run now. */
    private static List<ProcessHandle> platformProcesses(RunningPlatform platform) throws IOException {
        List<ProcessHandle> processes = new ArrayList<>();
        Optional<ProcessHandle> server = platform.launcherProcess().descendants()
                .filter(process -> command(process).contains("ServerMain")).findFirst();
        assertThat(server).as("the server process").isPresent();
        processes.add(server.get());
        String postmasterPid = Files.readAllLines(platform.workingDirectory().resolve("data/postgres/postmaster.pid")).get(0);
        Optional<ProcessHandle> postmaster = ProcessHandle.of(Long.parseLong(postmasterPid.trim()));
        assertThat(postmaster).as("the embedded PostgreSQL").isPresent();
        processes.add(postmaster.get());
        return processes;
    }

    private static void awaitGone(List<ProcessHandle> processes) throws InterruptedException {
        long deadline = System.nanoTime() + ORPHAN_GRACE.toNanos();
        while (System.nanoTime() < deadline && processes.stream().anyMatch(ProcessHandle::isAlive)) {
            Thread.sleep(200);
        }
        assertThat(processes.stream().filter(ProcessHandle::isAlive).map(LauncherIT::command))
                .as("processes still running %s after the launcher went", ORPHAN_GRACE).isEmpty();
    }

    private static String command(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
