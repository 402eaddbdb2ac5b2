package dev.switchboard.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Starts Switchboard with one command: embedded PostgreSQL (unless {@code switchboard.db.url} is
 * set), then Payara Micro running the host, then prints the URL once the platform answers.
 * Ctrl-C stops the server, then the database.
 */
public final class SwitchboardLauncher {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final long STOP_TIMEOUT_SECONDS = 60;
    private static final String SUPERVISED = "SWITCHBOARD_SUPERVISED";
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
     * platform to stop, and the platform stops the server first, then the database.
     */
    private static int supervise() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        ProcessBuilder builder = new ProcessBuilder(SETSID.toString(), java, "-cp", classPath,
                SwitchboardLauncher.class.getName()).inheritIO();
        builder.environment().put(SUPERVISED, "1");
        Process platform = builder.start();
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

    private static void run() throws Exception {
        Path workingDirectory = Path.of("").toAbsolutePath();
        LauncherSettings settings = new LauncherSettings(workingDirectory, System.getenv());
        Path dataDirectory = workingDirectory.resolve(settings.get("switchboard.data-dir").orElse("data")).normalize();
        Files.createDirectories(dataDirectory);
        int port = Integer.parseInt(settings.get("switchboard.port").orElse("8080"));
        Path installation = installationDirectory();

        Properties serverProperties = settings.forServer();
        serverProperties.setProperty("switchboard.data-dir", dataDirectory.toString());
        EmbeddedDatabase database = null;
        if (settings.get("switchboard.db.url").isEmpty()) {
            log("starting embedded PostgreSQL in " + dataDirectory.resolve("postgres"));
            database = EmbeddedDatabase.start(dataDirectory,
                    Integer.parseInt(settings.get("switchboard.embedded-db.port").orElse("0")));
            serverProperties.setProperty("switchboard.db.url", database.jdbcUrl());
            serverProperties.setProperty("switchboard.db.user", "postgres");
        }
        Path propertiesFile = dataDirectory.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(propertiesFile)) {
            serverProperties.store(out, "written by the launcher at each start");
        }

        Process server = startServer(installation, dataDirectory, propertiesFile, port);
        EmbeddedDatabase embedded = database;
        Thread shutdown = new Thread(() -> stop(server, embedded), "switchboard-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);

        String url = "http://localhost:" + port + "/";
        if (awaitReady(server, URI.create(url + "api/v1/health"))) {
            log("Switchboard is ready: " + url + "  (API: " + url + "api/v1, OpenAPI: " + url + "openapi)");
            Path initialPassword = dataDirectory.resolve("initial-admin-password");
            if (Files.exists(initialPassword)) {
                log("first login: the admin password is in " + initialPassword);
            }
        } else if (server.isAlive()) {
            log("the platform did not start; see the server log above. Stopping.");
            System.exit(1);
        }
        int exit = server.waitFor();
        if (exit != 0 && exit != 130 && exit != 143) {
            log("server exited with status " + exit);
        }
        System.exit(exit == 130 || exit == 143 || exit == 0 ? 0 : exit);
    }

    private static Process startServer(Path installation, Path dataDirectory, Path propertiesFile, int port)
            throws IOException {
        // Payara Micro remembers deployments in its root directory and would deploy the WAR twice
        Path serverRoot = dataDirectory.resolve("server");
        deleteRecursively(serverRoot);
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(javaBin.toString()));
        String javaOptions = System.getenv("SWITCHBOARD_JAVA_OPTS");
        if (javaOptions != null && !javaOptions.isBlank()) {
            command.addAll(List.of(javaOptions.trim().split("\\s+")));
        }
        command.addAll(List.of(
                "-jar", installation.resolve("server/payara-micro.jar").toString(),
                "--deploy", installation.resolve("server/switchboard.war").toString(),
                "--contextroot", "/",
                "--port", String.valueOf(port),
                "--nohazelcast",
                "--rootdir", serverRoot.toString(),
                "--systemProperties", propertiesFile.toString()));
        log("starting Payara Micro on port " + port);
        return new ProcessBuilder(command).inheritIO().start();
    }

    private static boolean awaitReady(Process server, URI health) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        long notDeployedSince = 0;
        while (System.nanoTime() < deadline && server.isAlive()) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
                if (response.statusCode() == 404) {
                    notDeployedSince = notDeployedSince == 0 ? System.nanoTime() : notDeployedSince;
                    if (System.nanoTime() - notDeployedSince > Duration.ofSeconds(10).toNanos()) {
                        return false; // the server runs but the application failed to deploy
                    }
                }
            } catch (IOException e) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        return false;
    }

    private static void stop(Process server, EmbeddedDatabase database) {
        if (server.isAlive()) {
            log("stopping the server");
            server.destroy();
            try {
                if (!server.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (database != null) {
            log("stopping embedded PostgreSQL");
            database.close();
        }
        log("stopped");
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

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void log(String message) {
        System.out.println("[switchboard] " + message);
        System.out.flush();
    }
}
