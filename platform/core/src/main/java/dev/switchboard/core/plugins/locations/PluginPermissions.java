package dev.switchboard.core.plugins.locations;

import dev.switchboard.api.permission.PermissionDeclaration;
import dev.switchboard.api.permission.PluginPermission;
import dev.switchboard.core.auth.AuthenticatedUser;
import dev.switchboard.core.auth.LocationRole;
import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.plugins.Plugins;
import dev.switchboard.core.plugins.registry.Extension;
import dev.switchboard.core.plugins.registry.ExtensionCheck;
import dev.switchboard.core.plugins.registry.ExtensionScanner;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Plugins' declared permissions joined to the role model: a location role grants the declared
 * permissions of the plugins active in the location that name it. Platform permission ids cannot be
 * declared by a plugin.
 */
@ApplicationScoped
public class PluginPermissions implements ExtensionCheck {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_-]*)+");

    @Inject
    Plugins plugins;

    @Inject
    PluginLocations locations;

    @Override
    public Class<?> point() {
        return PermissionDeclaration.class;
    }

    @Override
    public List<String> check(ExtensionScanner.Declared extension) {
        PluginPermission permission = (PluginPermission) extension.descriptor();
        List<String> problems = new ArrayList<>();
        if (!ID.matcher(permission.id()).matches() || permission.id().length() > 100) {
            problems.add("permission '" + permission.id() + "' must look like 'area.verb' (lower case), at most 100 characters");
        }
        if (Arrays.stream(Permission.values()).anyMatch(platform -> platform.id().equals(permission.id()))) {
            problems.add("permission '" + permission.id() + "' is the platform's own");
        }
        if (permission.description().isBlank()) {
            problems.add("permission '" + permission.id() + "' needs a description");
        }
        return problems;
    }

    /** The plugin permission ids a role grants in a location: those of the location's active plugins naming it. */
    public Set<String> granted(LocationId locationId, Optional<LocationRole> role) {
        Set<String> granted = new TreeSet<>();
        if (role.isEmpty()) {
            return granted;
        }
        PluginPermission.LocationRole wanted = PluginPermission.LocationRole.valueOf(role.get().name());
        for (Extension extension : plugins.registry().extensions(PermissionDeclaration.class)) {
            PluginPermission permission = extension.descriptor(PluginPermission.class);
            if (Arrays.asList(permission.grantedTo()).contains(wanted)
                    && locations.isEnabled(locationId, extension.pluginId())) {
                granted.add(permission.id());
            }
        }
        return granted;
    }

    /** Whether the user may use a plugin's feature in the location. */
    public boolean allows(AuthenticatedUser user, LocationId locationId, String permissionId) {
        return granted(locationId, user.grants().locationRole(locationId)).contains(permissionId);
    }
}
