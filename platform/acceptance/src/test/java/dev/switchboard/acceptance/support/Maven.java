package dev.switchboard.acceptance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Maven the way a plugin author runs it: this build's own Maven, in batch mode, in a directory
 * of its own. Its local repository is the build's archetype repository (the platform's artifacts as
 * this build made them, see platform/acceptance/pom.xml) in front of the build's own local
 * repository, which it only reads: nothing gets installed where another build would find it.
 */
public final class Maven {

    private static final Duration LIMIT = Duration.ofMinutes(6);

    /** What one run of Maven did: its exit code and everything it printed. */
    public record Result(int exitCode, String output) {

        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    private Maven() {
    }

    /** Runs {@code mvn arguments…} in {@code directory}, writing what it prints to {@code log} as well. */
    public static Result run(Path directory, Path log, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(required("maven.home"), "bin", "mvn").toString(), "-B", "--no-transfer-progress",
                "-Dmaven.repo.local=" + required("archetype.repository"),
                "-Dmaven.repo.local.tail=" + required("maven.local.repository")));
        if ("offline=true".equals(System.getProperty("maven.offline"))) {
            command.add("--offline");
        }
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        // the wrapper that started this build points Maven at this checkout's .mvn; a plugin project has its own
        environment.remove("MAVEN_PROJECTBASEDIR");
        environment.remove("MAVEN_ARGS");
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        try {
            Files.createDirectories(directory);
            Process maven = builder.start();
            if (!maven.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                maven.descendants().forEach(ProcessHandle::destroyForcibly);
                maven.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("mvn " + String.join(" ", arguments) + " did not finish within " + LIMIT
                        + "; see " + log);
            }
            return new Result(maven.exitValue(), Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set; run the test with Maven"
                    + " (platform/acceptance/pom.xml sets it)");
        }
        return value;
    }
}
