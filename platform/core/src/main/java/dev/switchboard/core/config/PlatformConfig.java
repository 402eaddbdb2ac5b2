package dev.switchboard.core.config;

import dev.switchboard.core.crm.imports.ImportLimits;
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

    /** Background jobs one node runs at once ({@code switchboard.jobs.workers}). */
    public int jobWorkers() {
        return positive("switchboard.jobs.workers", 2);
    }

    /**
     * Deliveries of one consumer a node makes at once ({@code switchboard.events.delivery-threads}); the
     * events of one contact are always delivered one after the other.
     */
    public int eventDeliveryThreads() {
        return positive("switchboard.events.delivery-threads", 4);
    }

    /** Rejected items (an import's bad rows) kept per job for the errors download; the rest are only counted. */
    public int jobErrorsKept() {
        return positive("switchboard.jobs.max-errors-kept", 10_000);
    }

    /**
     * How long an import may go without handing the host anything (rows, rejections, its total) before
     * it is stopped as hung; imports have no overall time limit.
     */
    public Duration importIdleTimeout() {
        return Duration.ofSeconds(positive("switchboard.imports.idle-timeout-seconds", 300));
    }

    /** The limits of a file uploaded for a contact import ({@code switchboard.imports.max-file-bytes}, …). */
    public ImportLimits importLimits() {
        return new ImportLimits(positiveLong("switchboard.imports.max-file-bytes", ImportLimits.DEFAULT_MAX_BYTES),
                positiveLong("switchboard.imports.max-file-rows", ImportLimits.DEFAULT_MAX_ROWS),
                Duration.ofHours(positive("switchboard.imports.file-ttl-hours", (int) ImportLimits.DEFAULT_KEPT_FOR.toHours())));
    }

    /** Rows a file import writes per transaction, at least ({@code switchboard.imports.batch-rows}). */
    public int importBatchRows() {
        return positive("switchboard.imports.batch-rows", 5_000);
    }

    /** A whole-number setting of at least 1, which may be larger than an int. */
    public long positiveLong(String key, long defaultValue) {
        long value = optional(key).map(text -> {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("setting " + key + " must be a whole number, was '" + text + "'");
            }
        }).orElse(defaultValue);
        if (value < 1) {
            throw new IllegalStateException("setting " + key + " must be at least 1, was " + value);
        }
        return value;
    }

    /** A whole-number setting of at least 1. */
    public int positive(String key, int defaultValue) {
        int value = optional(key).map(text -> {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("setting " + key + " must be a whole number, was '" + text + "'");
            }
        }).orElse(defaultValue);
        if (value < 1) {
            throw new IllegalStateException("setting " + key + " must be at least 1, was " + value);
        }
        return value;
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
