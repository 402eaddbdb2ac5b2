/**
 * Per-location plugin settings. A plugin declares its settings as a record whose components carry
 * {@link dev.switchboard.api.schema.Field}; the host derives the JSON Schema, generates the console's
 * form from it, validates what an agency saves, stores secret fields encrypted, and hands the values
 * back typed:
 *
 * <pre>{@code
 * @Extension
 * @Settings(name = "SMTP server")
 * public record SmtpSettings(
 *         @Field(title = "Host", required = true) String host,
 *         @Field(title = "Port", required = true, minimum = 1, maximum = 65535) int port,
 *         @Field(title = "Password", secret = true) String password) implements SettingsType {
 * }
 *
 * SmtpSettings smtp = context.settings().as(SmtpSettings.class);
 * }</pre>
 */
@Version("1.0.0")
package dev.switchboard.api.settings;

import org.osgi.annotation.versioning.Version;
