package dev.switchboard.host.plugins;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.host.auth.Requires;
import dev.switchboard.core.plugins.settings.PluginSettingsStore;
import dev.switchboard.core.plugins.settings.PluginSettingsStore.SettingsView;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.TenantScope;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A plugin's settings for one location. Secret values are accepted, never returned. */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}/plugins/{pluginId}/settings")
@Tag(name = "Plugin settings", description = "A plugin's settings for one location")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PluginSettingsResource {

    @Inject
    PluginSettingsStore settings;

    @Inject
    TenantScope tenant;

    @Operation(operationId = "getPluginSettings", summary = "A plugin's settings for the location (secrets only named)")
    @GET
    public SettingsView get(@PathParam("pluginId") String pluginId) {
        return settings.view(tenant.locationId(), pluginId);
    }

    @Operation(operationId = "getPluginSettingsSchema",
            summary = "The JSON Schema of a plugin's settings: the form's fields, which are required and which secret")
    @GET
    @Path("schema")
    @APIResponse(responseCode = "200", description = "A JSON Schema (draft 2020-12); secret fields are writeOnly",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class)))
    public JsonObject schema(@PathParam("pluginId") String pluginId) {
        return settings.schema(pluginId);
    }

    @Requires(Permission.LOCATION_SETTINGS)
    /** Body: a JSON object of setting names to values (strings or numbers). */
    @Operation(operationId = "savePluginSettings", summary = "Replace a plugin's settings for the location")
    @PUT
    public SettingsView put(@PathParam("pluginId") String pluginId, JsonValue body) {
        if (!(body instanceof JsonObject object)) {
            throw ProblemException.badRequest("send a JSON object of setting names to values");
        }
        Map<String, String> values = new LinkedHashMap<>();
        object.forEach((name, value) -> values.put(name, text(name, value)));
        return settings.save(tenant.locationId(), pluginId, values);
    }

    private static String text(String name, JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER, TRUE, FALSE -> value.toString();
            case NULL -> "";
            default -> throw ProblemException.invalid(FieldError.field(name, "must be a string, number or boolean"));
        };
    }
}
