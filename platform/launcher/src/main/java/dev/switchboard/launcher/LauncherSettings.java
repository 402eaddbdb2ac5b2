package dev.switchboard.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The launcher's view of configuration: a {@code switchboard.properties} file in the working
 * directory (optional), overridden by environment variables ({@code SWITCHBOARD_DB_URL} for
 * {@code switchboard.db.url}), overridden by {@code -D} system properties.
 */
final class LauncherSettings {

    static final String FILE = "switchboard.properties";

    private final Properties file = new Properties();
    private final Map<String, String> environment;

    LauncherSettings(Path workingDirectory, Map<String, String> environment) {
        this.environment = environment;
        Path path = workingDirectory.resolve(FILE);
        if (Files.exists(path)) {
            try (InputStream in = Files.newInputStream(path)) {
                file.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
    }

    Optional<String> get(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = environment.get(environmentName(key));
        }
        if (value == null) {
            value = file.getProperty(key);
        }
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    /**
     * The {@code switchboard.*} settings the server must be handed: those from {@code -D}, and those
     * from the file that the environment does not override (the server reads the environment itself,
     * but ranks system properties above it, so a file value must not be passed when the environment sets it).
     */
    Properties forServer() {
        Properties properties = new Properties();
        file.stringPropertyNames().stream().filter(key -> key.startsWith("switchboard."))
                .filter(key -> environment.get(environmentName(key)) == null)
                .forEach(key -> properties.setProperty(key, file.getProperty(key)));
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("switchboard."))
                .forEach(key -> properties.setProperty(key, System.getProperty(key)));
        return properties;
    }

    /** {@code switchboard.db.url} → {@code SWITCHBOARD_DB_URL}, as MicroProfile Config maps it. */
    static String environmentName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
