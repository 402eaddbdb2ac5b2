package dev.switchboard.api.permission;

import dev.switchboard.api.ExtensionPoint;
import org.osgi.annotation.versioning.ConsumerType;

/** The extension point of declared permissions; see {@link PluginPermission}. Only read, never instantiated. */
@ConsumerType
@ExtensionPoint(descriptor = PluginPermission.class, instantiated = false)
public interface PermissionDeclaration {
}
