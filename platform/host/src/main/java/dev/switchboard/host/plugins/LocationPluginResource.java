package dev.switchboard.host.plugins;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.plugins.locations.PluginLocations;
import dev.switchboard.core.plugins.locations.PluginLocations.LocationPlugin;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.auth.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The installed plugins as one location uses them: each serves every location until an agency admin
 * turns it off for this one.
 */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}/plugins")
@Tag(name = "Plugin settings", description = "A plugin's settings for one location")
@Produces(MediaType.APPLICATION_JSON)
public class LocationPluginResource {

    @Inject
    PluginLocations locations;

    @Inject
    TenantScope tenant;

    @Operation(operationId = "listLocationPlugins", summary = "The installed plugins and whether this location uses each")
    @GET
    public List<LocationPlugin> list() {
        return locations.list(tenant.locationId());
    }

    @Operation(operationId = "enableLocationPlugin", summary = "Turn a plugin on for the location")
    @PUT
    @Path("{pluginId}")
    @Requires(Permission.LOCATION_SETTINGS)
    public LocationPlugin enable(@PathParam("pluginId") String pluginId) {
        return locations.enable(tenant.locationId(), pluginId);
    }

    @Operation(operationId = "disableLocationPlugin",
            summary = "Turn a plugin off for the location: its actions, triggers and webhooks stop serving it")
    @APIResponse(responseCode = "200", description = "Turned off",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocationPlugin.class)))
    @APIResponse(responseCode = "409", description = "Workflows of the location use its actions (named)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @DELETE
    @Path("{pluginId}")
    @Requires(Permission.LOCATION_SETTINGS)
    public LocationPlugin disable(@PathParam("pluginId") String pluginId) {
        return locations.disable(tenant.locationId(), pluginId, tenant.user().id());
    }
}
