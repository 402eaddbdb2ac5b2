package dev.switchboard.host.webhooks;

import dev.switchboard.api.webhook.WebhookResponse;
import dev.switchboard.core.plugins.webhooks.PluginWebhooks;
import dev.switchboard.host.auth.Public;
import dev.switchboard.host.problems.RawBody;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Plugins' webhooks, for vendors and other systems to call: {@code /api/v1/hooks/{pluginId}/{path}/…}
 * with any method, without a login (the handler checks the caller, by a signature). The body reaches
 * the handler as sent, up to its limit. What the handler answers is the answer; the platform's own
 * refusals are problems.
 */
@Public
@RawBody
@Path("/hooks/{pluginId}/{path: .+}")
@Tag(name = "Webhooks", description = "Endpoints plugins own, called by vendors without a login")
@Consumes("*/*")
@Produces("*/*")
public class WebhookResource {

    private static final String ANSWER = "The handler's own answer (any status and type)";

    @Inject
    PluginWebhooks webhooks;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @SecurityRequirements
    @Operation(operationId = "getWebhook", summary = "Call a plugin's webhook with GET")
    @APIResponse(responseCode = "200", description = ANSWER)
    @APIResponse(responseCode = "504", description = "The handler did not answer within its time limit",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response get(@PathParam("pluginId") String pluginId) {
        return call(pluginId, "GET", InputStream.nullInputStream());
    }

    @POST
    @SecurityRequirements
    @Operation(operationId = "postWebhook", summary = "Call a plugin's webhook with POST")
    @APIResponse(responseCode = "200", description = ANSWER)
    @APIResponse(responseCode = "413", description = "The body is larger than the handler's limit",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "504", description = "The handler did not answer within its time limit",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response post(@PathParam("pluginId") String pluginId, @RequestBody(description = "Passed to the handler "
            + "as sent", content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING,
            format = "binary"))) InputStream body) {
        return call(pluginId, "POST", body);
    }

    @PUT
    @SecurityRequirements
    @Operation(operationId = "putWebhook", summary = "Call a plugin's webhook with PUT")
    @APIResponse(responseCode = "200", description = ANSWER)
    @APIResponse(responseCode = "413", description = "The body is larger than the handler's limit",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response put(@PathParam("pluginId") String pluginId, @RequestBody(description = "Passed to the handler "
            + "as sent", content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING,
            format = "binary"))) InputStream body) {
        return call(pluginId, "PUT", body);
    }

    @PATCH
    @SecurityRequirements
    @Operation(operationId = "patchWebhook", summary = "Call a plugin's webhook with PATCH")
    @APIResponse(responseCode = "200", description = ANSWER)
    @APIResponse(responseCode = "413", description = "The body is larger than the handler's limit",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response patch(@PathParam("pluginId") String pluginId, @RequestBody(description = "Passed to the handler "
            + "as sent", content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING,
            format = "binary"))) InputStream body) {
        return call(pluginId, "PATCH", body);
    }

    @DELETE
    @SecurityRequirements
    @Operation(operationId = "deleteWebhook", summary = "Call a plugin's webhook with DELETE")
    @APIResponse(responseCode = "200", description = ANSWER)
    public Response delete(@PathParam("pluginId") String pluginId) {
        return call(pluginId, "DELETE", InputStream.nullInputStream());
    }

    private Response call(String pluginId, String method, InputStream body) {
        // the path after /hooks/{pluginId}/, each segment decoded on its own
        List<PathSegment> all = uri.getPathSegments(true);
        List<String> after = all.subList(Math.min(2, all.size()), all.size()).stream().map(PathSegment::getPath)
                .toList();
        WebhookResponse answer = webhooks.call(pluginId, method, after, firstValues(uri.getQueryParameters(true)),
                headerValues(), body);
        Response.ResponseBuilder response = Response.status(answer.statusCode());
        if (answer.contentType() != null) {
            response.type(answer.contentType()).entity(answer.body());
        }
        return response.build();
    }

    private Map<String, String> headerValues() {
        Map<String, String> values = new LinkedHashMap<>();
        headers.getRequestHeaders().forEach((name, list) -> {
            if (!list.isEmpty()) {
                values.putIfAbsent(name.toLowerCase(Locale.ROOT), list.get(0));
            }
        });
        return values;
    }

    private static Map<String, String> firstValues(Map<String, List<String>> parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        parameters.forEach((name, list) -> {
            if (!list.isEmpty()) {
                values.put(name, list.get(0));
            }
        });
        return values;
    }
}
