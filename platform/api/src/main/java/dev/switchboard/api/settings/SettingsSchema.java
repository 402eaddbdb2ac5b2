package dev.switchboard.api.settings;

import java.util.List;
import java.util.Objects;

/**
 * The settings a plugin needs per location. Register one as an OSGi service from the plugin's
 * bundle; the host validates saved settings against it and encrypts {@link SettingField#secret()}
 * fields at rest.
 *
 * <pre>{@code
 * context.registerService(SettingsSchema.class, new SettingsSchema(List.of(
 *     SettingField.text("host", "SMTP host", true),
 *     SettingField.integer("port", "SMTP port", true),
 *     SettingField.secret("password", "Password", false))), null);
 * }</pre>
 *
 * @param fields the fields, in form order
 */
public record SettingsSchema(List<SettingField> fields) {

    public SettingsSchema {
        fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
    }
}
