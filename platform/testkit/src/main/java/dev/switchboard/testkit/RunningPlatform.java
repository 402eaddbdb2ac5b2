package dev.switchboard.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A platform started the way a user starts it: {@code java -jar switchboard.jar} in a fresh
 * working directory (so a fresh embedded PostgreSQL), on a free port, with a known admin password.
 * Its output goes to {@code platform.log} in that directory. Its operator trusts the test kit's
 * signing key ({@link TestSigning#testKey()}), so the plugins {@link TestBundles} builds install.
 */
public final class RunningPlatform implements AutoCloseable {

    public static final String ADMIN_EMAIL = "admin@switchboard.test";

    /**
     * The server's JVM options unless a test sets {@code SWITCHBOARD_JAVA_OPTS} itself: a test platform
     * lives for seconds to minutes, so the JIT's first tier alone serves it best (a boot takes half the
     * CPU time of one that also runs the optimising compiler). Benchmarks run the platform as shipped.
     */
    public static final String TEST_JAVA_OPTIONS = "-XX:TieredStopAtLevel=1";

    /** Generous: readiness is the launcher's own report, and a machine with every core busy boots slowly. */
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(10);

    private final Path launcherJar;
    private final Path workingDirectory;
    private final int port;
    private final String adminPassword = "test-" + UUID.randomUUID();
    private Map<String, String> environment;
    private Process process;

    private RunningPlatform(Path launcherJar, Path workingDirectory, int port, Map<String, String> environment) {
        this.launcherJar = launcherJar;
        this.workingDirectory = workingDirectory;
        this.port = port;
        this.environment = Map.copyOf(environment);
    }

    /** Starts a platform from {@code launcherJar} in a new folder under {@code parent}. */
    public static RunningPlatform start(Path launcherJar, Path parent) {
        return start(launcherJar, parent, Map.of());
    }

    /**
     * Starts a platform with extra environment variables for the launcher (settings such as
     * {@code SWITCHBOARD_TOKEN_TTL_HOURS}, or {@code SWITCHBOARD_JAVA_OPTS}).
     */
    public static RunningPlatform start(Path launcherJar, Path parent, Map<String, String> environment) {
        try {
            Files.createDirectories(parent);
            RunningPlatform platform = new RunningPlatform(launcherJar.toAbsolutePath(),
                    Files.createTempDirectory(parent.toAbsolutePath(), "platform-"), freePort(), environment);
            platform.boot();
            platform.trustTestKey();
            return platform;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the platform and starts it again on the same data (database, plugins, key). */
    public void restart() {
        stop();
        boot();
    }

    /**
     * Stops the platform and starts it again on the same data with {@code changes} over the environment
     * it was started with (a setting an operator changed between two starts, say).
     */
    public void restart(Map<String, String> changes) {
        Map<String, String> changed = new HashMap<>(environment);
        changed.putAll(changes);
        environment = Map.copyOf(changed);
        restart();
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port + "/");
    }

    public String adminEmail() {
        return ADMIN_EMAIL;
    }

    public String adminPassword() {
        return adminPassword;
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    /** The launcher process the platform was started with ({@code java -jar switchboard.jar}). */
    public ProcessHandle launcherProcess() {
        if (process == null) {
            throw new IllegalStateException("the platform is not running");
        }
        return process.toHandle();
    }

    /** What the platform printed so far (launcher, database and server). */
    public String log() {
        try {
            return Files.readString(workingDirectory.resolve("platform.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings the launcher handed the server (database URL and user among them). */
    public Properties serverProperties() {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(workingDirectory.resolve("data/server.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /**
     * Kills the platform's processes at once with SIGKILL, launchers and server alike, as a power cut
     * or the OOM killer would: nothing gets to clean up. The embedded PostgreSQL is left running (it is
     * not the launcher's child), so a test can look at what the crash left behind; the next start stops
     * it first.
     */
    public void killAbruptly() {
        if (process == null) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", "-9"));
        command.add(String.valueOf(process.pid()));
        process.descendants().forEach(child -> command.add(String.valueOf(child.pid())));
        try {
            new ProcessBuilder(command).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        process = null;
    }

    /**
     * Waits until the launcher exits by itself (its server died).
     *
     * @return whether it exited within {@code timeout}
     */
    public boolean awaitExit(Duration timeout) {
        try {
            return process == null || process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the platform again on the same data after it stopped or was killed. */
    public void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the platform is running");
        }
        process = null;
        boot();
    }

    /**
     * A JDBC connection to the platform's database as the server's role, in the system scope that
     * sees every tenant's rows (for inspecting what tests leave). {@link #database(UUID)} is scoped to
     * one location, as the platform's work for that location is.
     */
    public java.sql.Connection database() throws java.sql.SQLException {
        return scoped("system", "", "");
    }

    /** A JDBC connection scoped to one location: row-level security shows it that location's rows only. */
    public java.sql.Connection database(java.util.UUID locationId) throws java.sql.SQLException {
        return scoped("location", "", locationId.toString());
    }

    private java.sql.Connection scoped(String scope, String agencyId, String locationId) throws java.sql.SQLException {
        Properties server = serverProperties();
        java.sql.Connection connection = java.sql.DriverManager.getConnection(server.getProperty("switchboard.db.url"),
                server.getProperty("switchboard.db.user"), server.getProperty("switchboard.db.password", ""));
        try (java.sql.PreparedStatement settings = connection.prepareStatement("SELECT set_config('switchboard.scope', ?, false),"
                + " set_config('switchboard.agency_id', ?, false), set_config('switchboard.location_id', ?, false)")) {
            settings.setString(1, scope);
            settings.setString(2, agencyId);
            settings.setString(3, locationId);
            settings.execute();
        } catch (java.sql.SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** An API client logged in as the bootstrap admin. */
    public ApiClient admin() {
        return ApiClient.login(baseUri(), ADMIN_EMAIL, adminPassword);
    }

    @Override
    public void close() {
        stop();
    }

    private void boot() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", launcherJar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workingDirectory.resolve("platform.log").toFile()));
        builder.environment().put("SWITCHBOARD_PORT", String.valueOf(port));
        builder.environment().put("SWITCHBOARD_BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL);
        builder.environment().put("SWITCHBOARD_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        builder.environment().put("SWITCHBOARD_BOOTSTRAP_AGENCY_NAME", "Test Agency");
        builder.environment().remove("SWITCHBOARD_DB_URL");
        // a test JVM that dies (a timeout, a kill) takes its platform with it
        builder.environment().put("SWITCHBOARD_STOP_WITH_PARENT", "1");
        builder.environment().put("SWITCHBOARD_JAVA_OPTS", TEST_JAVA_OPTIONS);
        builder.environment().putAll(environment);
        try {
            process = builder.start();
            awaitHealthy();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + launcherJar, e);
        }
    }

    /** Trusts the test kit's signing key as an operator trusts a publisher's: through the API. */
    private void trustTestKey() {
        ApiClient.Response trusted = admin().post("platform/signing-keys", "application/x-pem-file",
                TestSigning.testKey().certificatePem().getBytes(StandardCharsets.US_ASCII));
        if (trusted.status() != 201) {
            throw new IllegalStateException("the platform did not take the test signing key: " + trusted);
        }
    }

    private void awaitHealthy() {
        HttpClient client = HttpClient.newHttpClient();
        URI health = baseUri().resolve("api/v1/health");
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the platform exited with " + process.exitValue() + "; see "
                        + workingDirectory.resolve("platform.log"));
            }
            try {
                if (client.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException("the platform was not healthy after " + BOOT_TIMEOUT + "; see "
                + workingDirectory.resolve("platform.log"));
    }

    private void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
