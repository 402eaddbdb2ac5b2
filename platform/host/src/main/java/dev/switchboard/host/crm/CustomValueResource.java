package dev.switchboard.host.crm;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.crm.values.CustomValue;
import dev.switchboard.core.crm.values.CustomValues;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.Ids;
import dev.switchboard.host.JsonBodies;
import dev.switchboard.host.auth.Requires;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Custom values of a location: constants for merge fields. */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}/custom-values")
@Tag(name = "Custom values", description = "A location's constants, used in workflow texts as {{custom_values.<key>}}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomValueResource {

    @Inject
    CustomValues values;

    @Inject
    TenantScope tenant;

    @GET
    @Operation(operationId = "listCustomValues", summary = "The location's custom values, by key")
    public List<CustomValue> list() {
        return values.list(tenant.locationId());
    }

    @POST
    @Requires(Permission.LOCATION_SETTINGS)
    @Operation(operationId = "createCustomValue", summary = "Add a custom value",
            description = "The key is unique in the location (409 otherwise); workflow texts use it as {{custom_values.<key>}}.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomValue.class),
            examples = @ExampleObject(name = "customValue", value = "{\"key\": \"company_name\", \"name\": \"Company name\","
                    + " \"value\": \"Analytical Engines Ltd\"}")))
    @APIResponse(responseCode = "201", description = "The new custom value; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomValue.class)))
    public Response create(JsonValue body, @Context UriInfo uri) {
        CustomValue value = values.create(tenant.locationId(), JsonBodies.object(body));
        return Response.created(uri.getAbsolutePathBuilder().path(value.id().toString()).build()).entity(value).build();
    }

    @GET
    @Path("{valueId}")
    @Operation(operationId = "getCustomValue", summary = "A custom value")
    public CustomValue get(@PathParam("valueId") String valueId) {
        return values.find(tenant.locationId(), Ids.parse(valueId, "custom value"))
                .orElseThrow(() -> ProblemException.notFound("custom value " + valueId));
    }

    @PATCH
    @Path("{valueId}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Requires(Permission.LOCATION_SETTINGS)
    @Operation(operationId = "updateCustomValue", summary = "Change a custom value's key, name or value (JSON merge patch)")
    @RequestBody(content = @Content(mediaType = "application/merge-patch+json",
            schema = @Schema(implementation = CustomValue.class),
            examples = @ExampleObject(name = "patch", value = "{\"value\": \"Analytical Engines plc\"}")))
    public CustomValue update(@PathParam("valueId") String valueId, JsonValue body) {
        return values.patch(tenant.locationId(), Ids.parse(valueId, "custom value"), JsonBodies.object(body));
    }

    @DELETE
    @Path("{valueId}")
    @Requires(Permission.LOCATION_SETTINGS)
    @Operation(operationId = "deleteCustomValue", summary = "Delete a custom value",
            description = "Workflow texts that use it render it empty (or their fallback) from then on.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("valueId") String valueId) {
        values.delete(tenant.locationId(), Ids.parse(valueId, "custom value"));
        return Response.noContent().build();
    }
}
