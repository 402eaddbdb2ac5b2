package dev.switchboard.core.plugins.settings;

import dev.switchboard.api.settings.PluginSettings;
import dev.switchboard.api.settings.SettingField;
import dev.switchboard.api.settings.SettingsSchema;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.JsonColumns;
import dev.switchboard.core.plugins.Plugins;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.secrets.SecretCipher;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A plugin's settings per location, validated against the schema the plugin registers. Secret
 * fields are stored AES-GCM encrypted, bound to location, plugin and field, and never returned.
 */
@ApplicationScoped
public class PluginSettingsStore {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
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
        SettingsSchema schema = schema(pluginId);
        Stored current = stored(locationId, pluginId).orElse(new Stored(Map.of(), Map.of()));
        Violations errors = new Violations();
        if (submitted.size() > MAX_FIELDS) {
            throw ProblemException.badRequest("at most " + MAX_FIELDS + " settings per request, got " + submitted.size());
        }
        for (String name : submitted.keySet()) {
            if (schema.fields().stream().noneMatch(field -> field.name().equals(name))) {
                errors.field(name, "not a setting of " + pluginId);
            }
        }
        JsonObjectBuilder plain = Json.createObjectBuilder();
        JsonObjectBuilder secret = Json.createObjectBuilder();
        for (SettingField field : schema.fields()) {
            String value = submitted.get(field.name());
            if (field.secret() && value == null) {
                String kept = current.secret().get(field.name());
                if (kept != null) {
                    secret.add(field.name(), kept);
                    continue;
                }
            }
            value = value == null ? null : value.trim();
            if (value == null || value.isEmpty()) {
                if (field.required()) {
                    errors.field(field.name(), "required");
                }
                continue;
            }
            validate(field, value, errors);
            if (field.secret()) {
                secret.add(field.name(), cipher.encrypt(value, boundTo(locationId, pluginId, field.name())));
            } else {
                plain.add(field.name(), value);
            }
        }
        errors.throwIfAny();
        db.update("""
                INSERT INTO plugin_setting (location_id, plugin_id, plain, secret) VALUES (?, ?, ?::jsonb, ?::jsonb)
                ON CONFLICT (location_id, plugin_id) DO UPDATE SET plain = excluded.plain, secret = excluded.secret,
                    updated_at = now()""",
                locationId, pluginId, plain.build().toString(), secret.build().toString());
        return view(locationId, pluginId);
    }

    public SettingsView view(LocationId locationId, String pluginId) {
        Stored stored = stored(locationId, pluginId).orElse(new Stored(Map.of(), Map.of()));
        return new SettingsView(pluginId, stored.plain(), List.copyOf(new TreeSet<>(stored.secret().keySet())));
    }

    /** The settings a plugin reads during an action, secrets decrypted on access. */
    public PluginSettings forPlugin(LocationId locationId, String pluginId) {
        Stored stored = stored(locationId, pluginId).orElse(new Stored(Map.of(), Map.of()));
        return field -> {
            if (stored.secret().containsKey(field)) {
                return Optional.of(cipher.decrypt(stored.secret().get(field), boundTo(locationId, pluginId, field)));
            }
            return Optional.ofNullable(stored.plain().get(field));
        };
    }

    private SettingsSchema schema(String pluginId) {
        if (plugins.find(pluginId).isEmpty()) {
            throw ProblemException.notFound("plugin " + pluginId);
        }
        return plugins.registry().settingsSchema(pluginId).orElseThrow(() ->
                ProblemException.badRequest("plugin " + pluginId + " declares no settings"));
    }

    private static void validate(SettingField field, String value, Violations errors) {
        if (!Texts.check(value, FieldError.field(field.name(), "").pointer(), MAX_VALUE, errors)) {
            return;
        }
        switch (field.type()) {
            case INTEGER -> {
                try {
                    Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    errors.field(field.name(), Texts.quote(value) + " is not a whole number");
                }
            }
            case EMAIL -> {
                if (!EMAIL.matcher(value).matches()) {
                    errors.field(field.name(), Texts.quote(value) + " is not an email address");
                }
            }
            case TEXT -> { }
        }
    }

    private Optional<Stored> stored(LocationId locationId, String pluginId) {
        return db.queryOne("SELECT plain::text, secret::text FROM plugin_setting WHERE location_id = ? AND plugin_id = ?",
                row -> new Stored(JsonColumns.strings(row.getString(1)), JsonColumns.strings(row.getString(2))), locationId, pluginId);
    }

    private static String boundTo(LocationId locationId, String pluginId, String field) {
        return locationId + "/" + pluginId + "/" + field;
    }

    private record Stored(Map<String, String> plain, Map<String, String> secret) {
    }
}
