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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Plugins of the platform: upload installs a new plugin or hot-swaps the running version. */
@Requires(Permission.PLUGINS_READ)
@Path("/plugins")
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource {

    @Inject
    Plugins plugins;

    @Inject
    TenantScope scope;

    @GET
    public List<PluginInfo> list() {
        return plugins.list();
    }

    @GET
    @Path("{pluginId}")
    public PluginInfo get(@PathParam("pluginId") String pluginId) {
        return plugins.find(pluginId).orElseThrow(() -> ProblemException.notFound("plugin " + pluginId));
    }

    /** Send the plugin jar as the body ({@code application/java-archive} or {@code application/octet-stream}). */
    @POST
    @Requires(Permission.PLATFORM_PLUGINS)
    @Consumes({"application/java-archive", MediaType.APPLICATION_OCTET_STREAM, "application/zip"})
    public PluginInfo install(InputStream body) {
        return plugins.install(readLimited(body), scope.user().id());
    }

    /** Removes the plugin from the platform (operator only); its settings stay for a reinstall. */
    @DELETE
    @Path("{pluginId}")
    @Requires(Permission.PLATFORM_PLUGINS)
    public Response remove(@PathParam("pluginId") String pluginId) {
        plugins.remove(pluginId);
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
