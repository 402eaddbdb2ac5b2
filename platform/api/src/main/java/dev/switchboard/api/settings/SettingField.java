package dev.switchboard.api.settings;

import java.util.Objects;

/**
 * One field of a {@link SettingsSchema}.
 *
 * @param name key of the field
 * @param label human label for the settings form
 * @param type value type the host checks on save
 * @param required whether saving without it is refused
 * @param secret whether the value is encrypted at rest and never returned by the API
 */
public record SettingField(String name, String label, Type type, boolean required, boolean secret) {

    /** Value types the host validates. */
    public enum Type { TEXT, INTEGER, EMAIL }

    public SettingField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
    }

    public static SettingField text(String name, String label, boolean required) {
        return new SettingField(name, label, Type.TEXT, required, false);
    }

    public static SettingField integer(String name, String label, boolean required) {
        return new SettingField(name, label, Type.INTEGER, required, false);
    }

    public static SettingField email(String name, String label, boolean required) {
        return new SettingField(name, label, Type.EMAIL, required, false);
    }

    public static SettingField secret(String name, String label, boolean required) {
        return new SettingField(name, label, Type.TEXT, required, true);
    }
}
