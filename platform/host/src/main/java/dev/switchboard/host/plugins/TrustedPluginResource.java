package dev.switchboard.host.plugins;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.plugins.trust.CodeTrust;
import dev.switchboard.core.plugins.trust.CodeTrust.TrustedPlugin;
import dev.switchboard.core.problems.ProblemException;
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
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The plugins whose code the operator trusts explicitly: their uploads are let in although the
 * bytecode verifier finds calls the platform forbids (the findings are shown with the plugin).
 */
@Requires(Permission.PLATFORM_PLUGINS)
@Path("/platform/trusted-plugins")
@Tag(name = "Plugins", description = "The platform's plugins")
@Produces(MediaType.APPLICATION_JSON)
public class TrustedPluginResource {

    private static final Pattern PLUGIN_ID = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    @Inject
    CodeTrust codeTrust;

    @Inject
    TenantScope scope;

    @GET
    @Operation(operationId = "listTrustedPlugins", summary = "The plugins whose code the operator trusts (operator)")
    public List<TrustedPlugin> list() {
        return codeTrust.list();
    }

    @PUT
    @Path("{pluginId}")
    @Operation(operationId = "trustPluginCode",
            summary = "Trust a plugin's code: its uploads may make calls the verifier forbids (operator)")
    public TrustedPlugin trust(@PathParam("pluginId") String pluginId) {
        if (!PLUGIN_ID.matcher(pluginId).matches() || pluginId.length() > 200) {
            throw ProblemException.badRequest("'" + pluginId + "' is not a plugin id (letters, digits, '.', '_', '-')");
        }
        return codeTrust.trust(pluginId, scope.user().id());
    }

    @DELETE
    @Path("{pluginId}")
    @Operation(operationId = "withdrawPluginCodeTrust",
            summary = "Withdraw the trust: the next upload of the plugin is checked again (operator)")
    @APIResponse(responseCode = "204", description = "Withdrawn; installed versions keep running")
    public Response withdraw(@PathParam("pluginId") String pluginId) {
        if (!codeTrust.withdraw(pluginId)) {
            throw ProblemException.notFound("trusted plugin " + pluginId);
        }
        return Response.noContent().build();
    }
}
