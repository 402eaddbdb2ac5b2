package dev.switchboard.launcher;

import dev.switchboard.launcher.server.ServerMain;
import dev.switchboard.launcher.server.ServerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The Payara Micro process running the platform, started with {@link ServerMain} as its main class
 * so that it reports the deployment's outcome itself.
 */
final class ServerProcess {

    private static final long POLL_MILLIS = 200;

    private final Process process;
    private final Path stateFile;

    private ServerProcess(Process process, Path stateFile) {
        this.process = process;
        this.stateFile = stateFile;
    }

    /**
     * Starts the server.
     *
     * @param database the embedded database it must stop should this launcher die, or {@code null}
     */
    static ServerProcess start(Path installation, Path dataDirectory, Path propertiesFile, int port,
                               EmbeddedDatabase database) throws IOException {
        // Payara Micro remembers deployments in its root directory: start from an empty one each time
        Path serverRoot = dataDirectory.resolve("server");
        deleteRecursively(serverRoot);
        Path stateFile = dataDirectory.resolve("run").resolve("server-state");
        Files.deleteIfExists(stateFile);
        Path platformStateFile = platformStateFile(dataDirectory);
        Files.deleteIfExists(platformStateFile);
        Path payara = installation.resolve("server/payara-micro.jar");

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String javaOptions = System.getenv("SWITCHBOARD_JAVA_OPTS");
        if (javaOptions != null && !javaOptions.isBlank()) {
            command.addAll(List.of(javaOptions.trim().split("\\s+")));
        }
        command.addAll(moduleAccess(payara));
        command.addAll(List.of("-cp", payara + java.io.File.pathSeparator + installation.resolve("server/switchboard-server.jar"),
                ServerMain.class.getName(),
                "--war", installation.resolve("server/switchboard.war").toString(),
                "--port", String.valueOf(port),
                "--root", serverRoot.toString(),
                "--properties", propertiesFile.toString(),
                "--platform-state", platformStateFile.toString(),
                "--state", stateFile.toString()));
        if (database != null) {
            command.addAll(List.of("--pg-ctl", database.pgCtl().toString(), "--pg-data", database.dataDirectory().toString()));
        }
        return new ServerProcess(new ProcessBuilder(command).inheritIO().start(), stateFile);
    }

    /** Where the platform reports its own boot, read by the server process ({@code switchboard.platform-state-file}). */
    static Path platformStateFile(Path dataDirectory) {
        return dataDirectory.resolve("run").resolve("platform-state");
    }

    /**
     * Waits until the server reports its deployment's outcome, or exits. There is no deadline: on a
     * machine whose cores are all busy a boot takes longer, and only the server knows when it is done.
     */
    ServerState awaitOutcome() throws InterruptedException {
        while (true) {
            Optional<ServerState> state = ServerState.readFrom(stateFile);
            if (state.isPresent()) {
                return state.get();
            }
            if (process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                return ServerState.readFrom(stateFile).orElse(
                        ServerState.failed("the server exited with status " + process.exitValue() + " before it was ready"));
            }
        }
    }

    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /**
     * Asks the server to stop (SIGTERM), forcing it after {@code timeoutSeconds}.
     *
     * @return its exit status
     */
    int stop(long timeoutSeconds) throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        return process.exitValue();
    }

    /**
     * The {@code --add-opens}/{@code --add-exports} options Payara Micro's manifest asks for; the JVM
     * applies them itself only to a jar started with {@code -jar}.
     */
    static List<String> moduleAccess(Path payaraJar) throws IOException {
        Manifest manifest;
        try (JarFile jar = new JarFile(payaraJar.toFile())) {
            manifest = jar.getManifest();
        }
        List<String> options = new ArrayList<>();
        addAll(options, "--add-opens", manifest.getMainAttributes().getValue("Add-Opens"));
        addAll(options, "--add-exports", manifest.getMainAttributes().getValue("Add-Exports"));
        return options;
    }

    private static void addAll(List<String> options, String option, String packages) {
        if (packages == null) {
            return;
        }
        for (String modulePackage : packages.trim().split("\\s+")) {
            options.add(option);
            options.add(modulePackage + "=ALL-UNNAMED");
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
}
