package dev.switchboard.host.plugins;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.plugins.PluginArchive;
import dev.switchboard.core.plugins.PluginInfo;
import dev.switchboard.core.plugins.Plugins;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.auth.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Plugins of the platform: upload installs a new plugin or swaps the running version for a newer one
 * (calls in flight finish on the old one); rollback returns to the version before; remove takes it out.
 */
@Requires(Permission.PLUGINS_READ)
@Path("/plugins")
@Tag(name = "Plugins", description = "The platform's plugins")
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource {

    @Inject
    Plugins plugins;

    @Inject
    TenantScope scope;

    @Operation(operationId = "listPlugins", summary = "The installed plugins")
    @GET
    public List<PluginInfo> list() {
        return plugins.list();
    }

    @Operation(operationId = "getPlugin", summary = "An installed plugin")
    @GET
    @Path("{pluginId}")
    public PluginInfo get(@PathParam("pluginId") String pluginId) {
        return plugins.find(pluginId).orElseThrow(() -> ProblemException.notFound("plugin " + pluginId));
    }

    /** Send the plugin jar as the body ({@code application/java-archive} or {@code application/octet-stream}). */
    @POST
    @Requires(Permission.PLATFORM_PLUGINS)
    @Consumes({"application/java-archive", MediaType.APPLICATION_OCTET_STREAM, "application/zip"})
    @Operation(operationId = "installPlugin", summary = "Install a plugin, or swap the running one for this version (operator)")
    @APIResponse(responseCode = "200", description = "The plugin, active in this version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PluginInfo.class)))
    @APIResponse(responseCode = "413", description = "The archive is larger than 64 MB", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public PluginInfo install(@RequestBody(required = true, description = "The plugin: an OSGi bundle or a PF4J plugin jar", content = {
            @Content(mediaType = "application/java-archive", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary"))}) InputStream body) {
        return plugins.install(readLimited(body), scope.user().id());
    }

    /** Returns the plugin to the version that ran before the current one (operator only). */
    @POST
    @Path("{pluginId}/rollback")
    @Requires(Permission.PLATFORM_PLUGINS)
    @Operation(operationId = "rollbackPlugin", summary = "Roll a plugin back to its previous version (operator)")
    @APIResponse(responseCode = "200", description = "The plugin, active in its previous version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PluginInfo.class)))
    @APIResponse(responseCode = "409", description = "There is no earlier version",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public PluginInfo rollback(@PathParam("pluginId") String pluginId) {
        return plugins.rollback(pluginId);
    }

    /**
     * Removes the plugin from the platform (operator only); its settings stay for a reinstall. Refused
     * while published workflows use its actions, unless forced.
     */
    @Operation(operationId = "removePlugin", summary = "Remove a plugin (operator); its settings stay")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "Workflows use the plugin's actions (listed); send force=true to remove it anyway",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @DELETE
    @Path("{pluginId}")
    @Requires(Permission.PLATFORM_PLUGINS)
    public Response remove(@PathParam("pluginId") String pluginId,
                           @Parameter(description = "Remove even though workflows use it: their steps then fail")
                           @QueryParam("force") @DefaultValue("false") boolean force) {
        plugins.remove(pluginId, force);
        return Response.noContent().build();
    }

    private static byte[] readLimited(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(PluginArchive.MAX_BYTES + 1);
            if (bytes.length > PluginArchive.MAX_BYTES) {
                throw ProblemException.tooLarge("the plugin upload is larger than "
                        + PluginArchive.MAX_BYTES / (1024 * 1024) + " MB");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the upload failed", e);
        }
    }
}
