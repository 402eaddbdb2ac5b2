package dev.switchboard.core.plugins.settings;

import dev.switchboard.api.PluginException;
import dev.switchboard.api.settings.PluginSettings;
import dev.switchboard.api.settings.SettingsType;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.db.JsonColumns;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.plugins.Plugins;
import dev.switchboard.core.plugins.schema.RecordSchemas;
import dev.switchboard.core.plugins.schema.RecordValues;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.secrets.SecretCipher;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A plugin's settings per location, validated against the JSON Schema of the settings record the
 * plugin declares. Secret fields ({@code @Field(secret = true)}, {@code writeOnly} in the schema) are
 * stored AES-GCM encrypted, bound to location, plugin and field, and never returned.
 */
@ApplicationScoped
public class PluginSettingsStore {

    /** Longest setting value. */
    public static final int MAX_VALUE = 4096;
    /** Most settings in one request. */
    public static final int MAX_FIELDS = 200;

    @Inject
    Database db;

    @Inject
    Plugins plugins;

    @Inject
    SecretCipher cipher;

    /** The settings as the API shows them: plain values, and which secrets are set. */
    public record SettingsView(String pluginId, Map<String, String> values, List<String> secretsSet) {
    }

    /**
     * Replaces the settings. A secret field left out keeps its stored value, so clients can change
     * other fields without knowing the password; an empty string clears it.
     */
    @Transactional
    public SettingsView save(LocationId locationId, String pluginId, Map<String, String> submitted) {
        Class<?> type = settingsType(pluginId);
        JsonObject schema = RecordSchemas.of(type);
        Set<String> secrets = secretFields(schema);
        Stored current = stored(locationId, pluginId).orElse(new Stored(Map.of(), Map.of()));
        if (submitted.size() > MAX_FIELDS) {
            throw ProblemException.badRequest("at most " + MAX_FIELDS + " settings per request, got " + submitted.size());
        }
        Violations errors = new Violations();
        JsonObject properties = schema.containsKey("properties") ? schema.getJsonObject("properties") : JsonObject.EMPTY_JSON_OBJECT;
        for (String name : submitted.keySet()) {
            if (!properties.containsKey(name)) {
                errors.field(name, "not a setting of " + pluginId);
            }
        }
        Map<String, String> plainValues = new LinkedHashMap<>();
        Map<String, String> secretValues = new LinkedHashMap<>();
        for (String name : properties.keySet()) {
            String value = submitted.get(name);
            if (value == null && secrets.contains(name) && current.secret().containsKey(name)) {
                secretValues.put(name, null);
                continue;
            }
            value = value == null ? null : value.trim();
            if (value == null || value.isEmpty()) {
                continue;
            }
            if (Texts.check(value, FieldError.field(name, "").pointer(), MAX_VALUE, errors)) {
                (secrets.contains(name) ? secretValues : plainValues).put(name, value);
            }
        }
        errors.throwIfAny();
        Map<String, String> all = new LinkedHashMap<>(plainValues);
        // a kept secret is valid as it was saved; stand in a value of the right shape for the check
        secretValues.forEach((name, value) -> all.put(name, value == null ? "kept" : value));
        for (String problem : RecordValues.validate(type, all)) {
            errors.add(fieldError(problem));
        }
        errors.throwIfAny();
        JsonObjectBuilder plain = Json.createObjectBuilder();
        plainValues.forEach(plain::add);
        JsonObjectBuilder secret = Json.createObjectBuilder();
        secretValues.forEach((name, value) -> secret.add(name, value == null ? current.secret().get(name)
                : cipher.encrypt(value, boundTo(locationId, pluginId, name))));
        db.update("""
                INSERT INTO plugin_setting (location_id, plugin_id, plain, secret) VALUES (?, ?, ?::jsonb, ?::jsonb)
                ON CONFLICT (location_id, plugin_id) DO UPDATE SET plain = excluded.plain, secret = excluded.secret,
                    updated_at = now()""",
                locationId, pluginId, plain.build().toString(), secret.build().toString());
        return view(locationId, pluginId);
    }

    /** The settings form of a plugin: the JSON Schema of its settings record. */
    public JsonObject schema(String pluginId) {
        return RecordSchemas.of(settingsType(pluginId));
    }

    public SettingsView view(LocationId locationId, String pluginId) {
        Stored stored = stored(locationId, pluginId).orElse(new Stored(Map.of(), Map.of()));
        return new SettingsView(pluginId, stored.plain(), List.copyOf(new TreeSet<>(stored.secret().keySet())));
    }

    /** The settings a plugin reads during a call, secrets decrypted on access. */
    public PluginSettings forPlugin(LocationId locationId, String pluginId) {
        return new StoredSettings(locationId, pluginId);
    }

    /** A plugin's settings in a location, read when the plugin first asks for one (many calls never do). */
    private final class StoredSettings implements PluginSettings {

        private final LocationId locationId;
        private final String pluginId;
        private Stored read;

        StoredSettings(LocationId locationId, String pluginId) {
            this.locationId = locationId;
            this.pluginId = pluginId;
        }

        private synchronized Stored stored() {
            if (read == null) {
                try (DatabaseScope scope = DatabaseScope.location(locationId.value())) {
                    read = PluginSettingsStore.this.stored(locationId, pluginId).orElse(new Stored(Map.of(), Map.of()));
                }
            }
            return read;
        }

        @Override
        public Optional<String> get(String field) {
            Stored stored = stored();
            if (stored.secret().containsKey(field)) {
                return Optional.of(cipher.decrypt(stored.secret().get(field), boundTo(locationId, pluginId, field)));
            }
            return Optional.ofNullable(stored.plain().get(field));
        }

        @Override
        public <T extends SettingsType> T as(Class<T> type) throws PluginException {
            Stored stored = stored();
            Map<String, String> values = new LinkedHashMap<>(stored.plain());
            stored.secret().keySet().forEach(field -> values.put(field, get(field).orElse(null)));
            return RecordValues.settings(type, values);
        }
    }

    private Class<?> settingsType(String pluginId) {
        if (plugins.find(pluginId).isEmpty()) {
            throw ProblemException.notFound("plugin " + pluginId);
        }
        return plugins.registry().generation(pluginId).stream()
                .flatMap(generation -> generation.extensions().stream())
                .filter(extension -> extension.point() == SettingsType.class)
                .findFirst().<Class<?>>map(extension -> extension.type())
                .orElseThrow(() -> ProblemException.badRequest("plugin " + pluginId + " declares no settings"));
    }

    private static Set<String> secretFields(JsonObject schema) {
        if (!schema.containsKey("properties")) {
            return Set.of();
        }
        Set<String> secrets = new TreeSet<>();
        schema.getJsonObject("properties").forEach((name, property) -> {
            if (property instanceof JsonObject object && object.getBoolean("writeOnly", false)) {
                secrets.add(name);
            }
        });
        return secrets;
    }

    /** A validation message ("'port': must be at least 1") as an error on that field. */
    private static FieldError fieldError(String problem) {
        if (problem.startsWith("'")) {
            int end = problem.indexOf("': ");
            if (end > 1) {
                return FieldError.field(problem.substring(1, end), problem.substring(end + 3));
            }
        }
        return FieldError.general(problem);
    }

    private Optional<Stored> stored(LocationId locationId, String pluginId) {
        return db.queryOne("SELECT plain::text, secret::text FROM plugin_setting WHERE location_id = ? AND plugin_id = ?",
                row -> new Stored(JsonColumns.strings(row.getString(1)), JsonColumns.strings(row.getString(2))),
                locationId, pluginId);
    }

    private static String boundTo(LocationId locationId, String pluginId, String field) {
        return locationId + "/" + pluginId + "/" + field;
    }

    private record Stored(Map<String, String> plain, Map<String, String> secret) {
    }
}
