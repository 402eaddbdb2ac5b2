package dev.switchboard.host.crm;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.crm.fields.CustomField;
import dev.switchboard.core.crm.fields.CustomFields;
import dev.switchboard.core.crm.fields.FieldModel;
import dev.switchboard.core.problems.FieldError;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Custom field definitions of a location. */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}/custom-fields")
@Tag(name = "Custom fields", description = "Fields a location adds to its contacts, opportunities and companies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomFieldResource {

    @Inject
    CustomFields fields;

    @Inject
    TenantScope tenant;

    @GET
    @Operation(operationId = "listCustomFields", summary = "The custom fields of a model, in position order")
    public List<CustomField> list(@Parameter(description = "contact (default), opportunity or company")
                                  @QueryParam("model") String model) {
        return fields.list(tenant.locationId(), model(model));
    }

    @POST
    @Requires(Permission.LOCATION_SETTINGS)
    @Operation(operationId = "createCustomField", summary = "Add a custom field")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomField.class),
            examples = @ExampleObject(name = "singleOption", value = "{\"model\": \"contact\", \"key\": \"plan\","
                    + " \"name\": \"Plan\", \"type\": \"singleOption\", \"options\": [\"silver\", \"gold\"],"
                    + " \"group\": \"Qualification\", \"required\": false}")))
    @APIResponse(responseCode = "201", description = "The new field",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomField.class)))
    public Response create(JsonValue body, @Context UriInfo uri) {
        CustomField field = fields.create(tenant.locationId(), JsonBodies.object(body));
        return Response.created(uri.getAbsolutePathBuilder().path(field.id().toString()).build()).entity(field).build();
    }

    @GET
    @Path("{fieldId}")
    @Operation(operationId = "getCustomField", summary = "A custom field")
    public CustomField get(@PathParam("fieldId") String fieldId) {
        return fields.find(tenant.locationId(), Ids.parse(fieldId, "custom field"))
                .orElseThrow(() -> ProblemException.notFound("custom field " + fieldId));
    }

    @PATCH
    @Path("{fieldId}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Requires(Permission.LOCATION_SETTINGS)
    @Operation(operationId = "updateCustomField", summary = "Rename, re-key, reorder or change the options of a field",
            description = "Values are kept by field id: renaming a field or its key keeps them. The model and type cannot change.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomField.class),
            examples = @ExampleObject(name = "rename", value = "{\"key\": \"annual_budget\", \"name\": \"Annual budget\","
                    + " \"group\": \"Qualification\", \"position\": 2}")))
    public CustomField update(@PathParam("fieldId") String fieldId, JsonValue body) {
        return fields.update(tenant.locationId(), Ids.parse(fieldId, "custom field"), JsonBodies.object(body));
    }

    @DELETE
    @Path("{fieldId}")
    @Requires(Permission.LOCATION_SETTINGS)
    @Operation(operationId = "deleteCustomField", summary = "Delete a custom field",
            description = "When records have a value for it, the answer is 409 unless confirm=true, which deletes the values too.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("fieldId") String fieldId,
                           @Parameter(description = "true to delete the field's values with it") @QueryParam("confirm") String confirm) {
        if (confirm != null && !confirm.isBlank() && !confirm.equals("true") && !confirm.equals("false")) {
            throw ProblemException.invalid(FieldError.parameter("confirm", "confirm must be true or false"));
        }
        fields.delete(tenant.locationId(), Ids.parse(fieldId, "custom field"), "true".equals(confirm));
        return Response.noContent().build();
    }

    static FieldModel model(String model) {
        if (model == null || model.isBlank()) {
            return FieldModel.CONTACT;
        }
        return FieldModel.fromApi(model).orElseThrow(() -> ProblemException.invalid(
                FieldError.parameter("model", "model must be contact, opportunity or company")));
    }

}
