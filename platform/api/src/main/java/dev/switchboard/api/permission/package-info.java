/**
 * Permissions a plugin declares: what its features need, joined to the platform's role model. Each
 * declaration names the location roles that grant it by default; the platform lists the granted
 * plugin permissions with a user's own (in {@code GET /me}), for the console to show or hide the
 * plugin's features, and checks them where the platform serves a plugin's feature to a user.
 *
 * <pre>{@code
 * @Extension
 * @PluginPermission(id = "sms.send", description = "Send SMS from the conversations inbox",
 *         grantedTo = {LocationRole.ADMIN, LocationRole.USER})
 * public final class SendSms implements PermissionDeclaration {
 * }
 * }</pre>
 */
@Version("1.0.0")
package dev.switchboard.api.permission;

import org.osgi.annotation.versioning.Version;
