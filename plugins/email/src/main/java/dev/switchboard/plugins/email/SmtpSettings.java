package dev.switchboard.plugins.email;

import dev.switchboard.api.Extension;
import dev.switchboard.api.schema.Field;
import dev.switchboard.api.settings.Settings;
import dev.switchboard.api.settings.SettingsType;

/** SMTP settings of one location: the console's form and the values the action reads, from this one record. */
@Extension
@Settings(name = "SMTP server", description = "The server this location's email is sent through.")
public record SmtpSettings(
        @Field(title = "SMTP host", required = true, example = "smtp.example.com") String host,
        @Field(title = "SMTP port", required = true, minimum = 1, maximum = 65535, example = "587") int port,
        @Field(title = "From address", required = true, format = "email", maxLength = 320) String from,
        @Field(title = "User name") String username,
        @Field(title = "Password", secret = true) String password,
        @Field(title = "Use STARTTLS", defaultValue = "false") boolean startTls) implements SettingsType {
}
