package dev.switchboard.launcher;

import dev.switchboard.launcher.server.ParentWatch;
import dev.switchboard.launcher.server.ServerState;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Starts Switchboard with one command: embedded PostgreSQL (unless {@code switchboard.db.url} is
 * set), then Payara Micro running the host, then prints the URL once the server reports the
 * platform deployed.
 * Ctrl-C stops the server, then the database.
 */
public final class SwitchboardLauncher {

    private static final long STOP_TIMEOUT_SECONDS = 60;
    private static final String SUPERVISED = "SWITCHBOARD_SUPERVISED";
    /** Set (to anything) to stop the platform when the process that started the launcher ends. */
    private static final String STOP_WITH_PARENT = "SWITCHBOARD_STOP_WITH_PARENT";
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private SwitchboardLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getenv(SUPERVISED) == null && Files.isExecutable(SETSID)) {
            System.exit(supervise());
        }
        run();
    }

    /**
     * Runs the platform in its own session, out of reach of the terminal's Ctrl-C, which would
     * otherwise hit the server and the database at the same moment. On Ctrl-C this process asks the
     * platform to stop, and the platform stops the server first, then the database. Should this
     * process be killed outright, the platform notices (it watches this process) and stops itself.
     */
    private static int supervise() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(SETSID.toString(), java));
        command.addAll(forwardedSettings(System.getProperties()));
        command.addAll(List.of("-cp", classPath, SwitchboardLauncher.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(SUPERVISED, String.valueOf(ProcessHandle.current().pid()));
        Process platform = builder.start();
        if (System.getenv(STOP_WITH_PARENT) != null) {
            // for programs that start the platform for themselves, tests above all: it must not outlive them
            ParentWatch.startForParent("switchboard-parent-watch", () -> System.exit(0));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.destroy();
            try {
                if (!platform.waitFor(STOP_TIMEOUT_SECONDS + 30, TimeUnit.SECONDS)) {
                    platform.descendants().forEach(ProcessHandle::destroyForcibly);
                    platform.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "switchboard-supervisor"));
        return platform.waitFor();
    }

    /**
     * The {@code switchboard.*} settings given to this JVM with {@code -D}, as options for the platform's
     * launcher process, which reads them as its own: {@code java -Dswitchboard.port=9090 -jar …} works
     * through the supervisor.
     */
    static List<String> forwardedSettings(Properties properties) {
        return properties.stringPropertyNames().stream().filter(name -> name.startsWith("switchboard."))
                .sorted().map(name -> "-D" + name + "=" + properties.getProperty(name)).toList();
    }

    private static void run() throws Exception {
        Path workingDirectory = Path.of("").toAbsolutePath();
        LauncherSettings settings = new LauncherSettings(workingDirectory, System.getenv());
        Path dataDirectory = workingDirectory.resolve(settings.get("switchboard.data-dir").orElse("data")).normalize();
        Files.createDirectories(dataDirectory);
        int port = Integer.parseInt(settings.get("switchboard.port").orElse("8080"));
        Path installation = installationDirectory();

        Properties serverProperties = settings.forServer();
        serverProperties.setProperty("switchboard.data-dir", dataDirectory.toString());
        serverProperties.setProperty("switchboard.platform-state-file", ServerProcess.platformStateFile(dataDirectory).toString());
        EmbeddedDatabase database = null;
        if (settings.get("switchboard.db.url").isEmpty()) {
            log("starting embedded PostgreSQL in " + dataDirectory.resolve("postgres"));
            database = EmbeddedDatabase.start(dataDirectory,
                    Integer.parseInt(settings.get("switchboard.embedded-db.port").orElse("0")),
                    !settings.get("switchboard.embedded-db.durable").map("false"::equalsIgnoreCase).orElse(false));
            serverProperties.setProperty("switchboard.db.url", database.jdbcUrl());
            serverProperties.setProperty("switchboard.db.user", EmbeddedDatabase.ROLE);
        }
        Path propertiesFile = writeOwnerOnly(dataDirectory.resolve("server.properties"), serverProperties);

        log("starting Payara Micro on port " + port);
        ServerProcess server = ServerProcess.start(installation, dataDirectory, propertiesFile, port, database);
        EmbeddedDatabase embedded = database;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, embedded), "switchboard-shutdown"));
        watchSupervisor();

        ServerState outcome = server.awaitOutcome();
        if (!outcome.isReady()) {
            log("the platform did not start: " + outcome.detail());
            System.exit(1);
        }
        String url = "http://localhost:" + port + "/";
        log("Switchboard is ready: " + url + "  (API: " + url + "api/v1, OpenAPI: " + url + "openapi)");
        Path initialPassword = dataDirectory.resolve("initial-admin-password");
        if (Files.exists(initialPassword)) {
            log("first login: the admin password is in " + initialPassword);
        }
        int exit = server.waitFor();
        if (exit != 0 && exit != 130 && exit != 143) {
            log("server exited with status " + exit);
        }
        System.exit(exit == 130 || exit == 143 || exit == 0 ? 0 : exit);
    }

    /** When the supervising launcher is killed (SIGKILL runs no hook), stop the platform in order anyway. */
    private static void watchSupervisor() {
        String supervisor = System.getenv(SUPERVISED);
        if (supervisor == null || !supervisor.matches("\\d+")) {
            return;
        }
        ParentWatch.start(Long.parseLong(supervisor), "switchboard-supervisor-watch", () -> {
            log("the launcher was killed; stopping the platform");
            System.exit(0);
        });
    }

    private static void stop(ServerProcess server, EmbeddedDatabase database) {
        log("stopping the server");
        try {
            log("the server stopped (status " + server.stop(STOP_TIMEOUT_SECONDS) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (database != null) {
            log("stopping embedded PostgreSQL");
            database.close();
        }
        log("stopped");
    }

    /** Writes the settings (they may hold the database password) readable by this user only. */
    private static Path writeOwnerOnly(Path file, Properties properties) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "written by the launcher at each start");
        }
        return file;
    }

    /** The folder holding this launcher's jar, with {@code lib/} and {@code server/} beside it. */
    private static Path installationDirectory() {
        try {
            return Path.of(SwitchboardLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException("cannot locate the launcher jar", e));
        }
    }

    private static void log(String message) {
        System.out.println("[switchboard] " + message);
        System.out.flush();
    }
}
