package dev.switchboard.plugins.email;

import dev.switchboard.api.settings.MissingSettingException;
import dev.switchboard.api.settings.PluginSettings;
import dev.switchboard.api.settings.SettingField;
import dev.switchboard.api.settings.SettingsSchema;
import java.util.List;

/** SMTP settings of one location. */
record SmtpSettings(String host, int port, String from, String username, String password, boolean startTls) {

    static final SettingsSchema SCHEMA = new SettingsSchema(List.of(
            SettingField.text("host", "SMTP host", true),
            SettingField.integer("port", "SMTP port", true),
            SettingField.email("from", "From address", true),
            SettingField.text("username", "User name", false),
            SettingField.secret("password", "Password", false),
            SettingField.text("startTls", "Use STARTTLS (true/false)", false)));

    static SmtpSettings from(PluginSettings settings) throws MissingSettingException {
        return new SmtpSettings(
                settings.require("host"),
                Integer.parseInt(settings.require("port")),
                settings.require("from"),
                settings.get("username").orElse(null),
                settings.get("password").orElse(null),
                settings.get("startTls").map(Boolean::parseBoolean).orElse(false));
    }
}
