package dev.switchboard.host.workflows;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.plugins.actions.ElementTemplates;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.auth.Requires;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The modeler's element templates: one per action the location's plugins offer, generated from its schema. */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}/element-templates")
@Tag(name = "Workflows", description = "Workflows of a location and their runs")
@Produces(MediaType.APPLICATION_JSON)
public class ElementTemplateResource {

    @Inject
    ElementTemplates templates;

    @Inject
    TenantScope tenant;

    @Operation(operationId = "listElementTemplates",
            summary = "Element templates for the modeler: the location's plugin actions with their input fields")
    @APIResponse(responseCode = "200", description = "bpmn-io element templates; inputs bind to sb:input elements",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = Object.class)))
    @GET
    public List<JsonObject> list() {
        return templates.forLocation(tenant.locationId());
    }
}
