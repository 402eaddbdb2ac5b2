package dev.switchboard.core.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The platform's settings, read through MicroProfile Config: system properties, environment
 * variables ({@code SWITCHBOARD_DB_URL} for {@code switchboard.db.url}) and
 * {@code META-INF/microprofile-config.properties}. See docs/operations.md for the full list.
 */
@ApplicationScoped
public class PlatformConfig {

    @Inject
    Config config;

    public String databaseUrl() {
        return required("switchboard.db.url");
    }

    public Optional<String> databaseUser() {
        return optional("switchboard.db.user");
    }

    public Optional<String> databasePassword() {
        return optional("switchboard.db.password");
    }

    /** Where the platform keeps files of its own: plugin framework cache, generated master key. */
    public Path dataDirectory() {
        return Path.of(optional("switchboard.data-dir").orElse("data")).toAbsolutePath();
    }

    /** Base64 of a 256-bit AES key encrypting secrets at rest; generated into the data directory if unset. */
    public Optional<String> masterKey() {
        return optional("switchboard.master-key");
    }

    public Duration tokenLifetime() {
        return Duration.ofHours(config.getOptionalValue("switchboard.token-ttl-hours", Integer.class).orElse(12));
    }

    public Optional<String> optional(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(value -> !value.isEmpty());
    }

    public String required(String key) {
        return optional(key).orElseThrow(() -> new IllegalStateException(
                "configuration '" + key + "' is not set (environment variable "
                        + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_') + ")"));
    }
}
