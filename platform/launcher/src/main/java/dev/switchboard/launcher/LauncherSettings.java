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
            value = environment.get(key.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        if (value == null) {
            value = file.getProperty(key);
        }
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** Every {@code switchboard.*} setting from the file and {@code -D}; the server reads the environment itself. */
    Properties forServer() {
        Properties properties = new Properties();
        file.stringPropertyNames().stream().filter(key -> key.startsWith("switchboard."))
                .forEach(key -> properties.setProperty(key, file.getProperty(key)));
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("switchboard."))
                .forEach(key -> properties.setProperty(key, System.getProperty(key)));
        return properties;
    }
}
