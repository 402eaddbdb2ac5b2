package dev.switchboard.host.crm;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.crm.settings.CrmSettings;
import dev.switchboard.core.crm.settings.LocationCrmSettings;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.JsonBodies;
import dev.switchboard.host.auth.Requires;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A location's CRM settings. */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}/crm-settings")
@Tag(name = "CRM settings", description = "Phone country, time zone and duplicate policy of a location")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
public class CrmSettingsResource {

    @Inject
    LocationCrmSettings settings;

    @Inject
    TenantScope tenant;

    @GET
    @Operation(operationId = "getCrmSettings", summary = "The location's CRM settings")
    public CrmSettings get() {
        return settings.of(tenant.locationId());
    }

    @PATCH
    @Requires(Permission.LOCATION_SETTINGS)
    @Operation(operationId = "updateCrmSettings", summary = "Change the location's CRM settings (members given)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CrmSettings.class),
            examples = @ExampleObject(name = "settings", value = "{\"country\": \"GB\", \"timezone\": \"Europe/London\","
                    + " \"duplicatePolicy\": \"emailOrPhone\"}")))
    public CrmSettings update(JsonValue body) {
        return settings.change(tenant.locationId(), JsonBodies.object(body));
    }
}
