package dev.switchboard.host.segments;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.crm.contacts.Contact;
import dev.switchboard.core.crm.contacts.ContactQuery;
import dev.switchboard.core.crm.fields.CustomField;
import dev.switchboard.core.crm.fields.CustomFields;
import dev.switchboard.core.crm.fields.FieldModel;
import dev.switchboard.core.crm.fields.FieldType;
import dev.switchboard.core.crm.segments.ContactFieldCondition;
import dev.switchboard.core.crm.segments.CustomFieldCondition;
import dev.switchboard.core.crm.segments.FilterCompiler;
import dev.switchboard.core.crm.segments.Segment;
import dev.switchboard.core.crm.segments.Segments;
import dev.switchboard.core.crm.segments.SqlCondition;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.paging.Page;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.Ids;
import dev.switchboard.host.JsonBodies;
import dev.switchboard.host.Paging;
import dev.switchboard.host.auth.Requires;
import dev.switchboard.host.contacts.ContactResource.ContactPage;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Segments: saved filters of a location's contacts (docs/segments.md), their live counts, their
 * contacts page by page and as CSV, and a preview of a filter being edited.
 */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}/segments")
@Tag(name = "Segments", description = "Saved contact filters (smart lists)")
@Produces(MediaType.APPLICATION_JSON)
public class SegmentResource {

    static final String CSV = "text/csv";
    /** Contacts a preview shows with its count. */
    static final int PREVIEW_CONTACTS = 10;
    private static final String SEGMENT_EXAMPLE = """
            {"name": "Webinar leads gone quiet", "filter": {"all": [
              {"type": "tag", "operator": "hasAny", "value": ["webinar"]},
              {"type": "field", "field": "updatedAt", "operator": "moreThanAgo", "value": {"amount": 30, "unit": "days"}}]}}""";

    @Inject
    Segments segments;

    @Inject
    FilterCompiler compiler;

    @Inject
    CustomFields customFields;

    @Inject
    SegmentExport export;

    @Inject
    TenantScope tenant;

    /** A filter's count and its first contacts, for the segment builder. */
    @Schema(name = "SegmentPreview")
    public record Preview(long count, List<Contact> contacts) {
    }

    /** A count. */
    @Schema(name = "SegmentCount")
    public record Count(long count, java.time.OffsetDateTime countedAt) {
    }

    @GET
    @Operation(operationId = "listSegments", summary = "The location's segments, by name, with their last counts")
    public List<Segment> list() {
        return segments.list(tenant.locationId());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "createSegment", summary = "Save a filter as a segment")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Segment.class),
            examples = @ExampleObject(name = "segment", value = SEGMENT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Segment.class)))
    @APIResponse(responseCode = "400", description = "A part of the filter does not fit the language; errors[] points at each",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response create(JsonValue body, @Context UriInfo uri) {
        Segment segment = segments.create(tenant.locationId(), JsonBodies.object(body), tenant.user().id());
        return Response.created(uri.getAbsolutePathBuilder().path(segment.id().toString()).build()).entity(segment).build();
    }

    @GET
    @Path("conditions")
    @Operation(operationId = "segmentConditions",
            summary = "What filters can say here: the JSON Schema of the filter language, the standard and custom fields with their operators")
    public JsonObject conditions() {
        JsonArrayBuilder types = Json.createArrayBuilder();
        compiler.types().values().forEach(type -> types.add(Json.createObjectBuilder().add("type", type.type())
                .add("description", type.description())));
        JsonArrayBuilder custom = Json.createArrayBuilder();
        for (CustomField field : customFields.list(tenant.locationId(), FieldModel.CONTACT)) {
            custom.add(Json.createObjectBuilder().add("field", field.key()).add("label", field.name()).add("kind", field.type())
                    .add("options", Json.createArrayBuilder(field.options()))
                    .add("operators", Json.createArrayBuilder(CustomFieldCondition.operators(FieldType.fromApi(field.type()).orElseThrow()))));
        }
        return Json.createObjectBuilder()
                .add("types", types)
                .add("fields", Json.createArrayBuilder(ContactFieldCondition.fields()))
                .add("customFields", custom)
                .add("schema", compiler.schema())
                .build();
    }

    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "previewSegment", summary = "Count a filter and show its first contacts, without saving it",
            description = "Body: {\"filter\": {...}}. Problems point into /filter.")
    public Preview preview(JsonValue body) {
        JsonObject request = JsonBodies.object(body);
        request.keySet().stream().filter(member -> !member.equals("filter")).findFirst().ifPresent(member -> {
            throw ProblemException.invalid(FieldError.field(member, "not a member of a preview; it has filter"));
        });
        if (!request.containsKey("filter") || request.get("filter").toString().length() > Segments.MAX_FILTER) {
            throw ProblemException.invalid(FieldError.field("filter", "filter is required, at most " + Segments.MAX_FILTER
                    + " characters of JSON"));
        }
        SqlCondition where = segments.compile(tenant.locationId(), request.get("filter"));
        return previewOf(where);
    }

    private Preview previewOf(SqlCondition where) {
        long count = segments.count(tenant.locationId(), where);
        Page<Contact> first = segments.contacts(tenant.locationId(), where,
                new ContactQuery(null, null, null, null, false, PREVIEW_CONTACTS, null, false));
        return new Preview(count, first.items());
    }

    @GET
    @Path("{segmentId}")
    @Operation(operationId = "getSegment", summary = "A segment")
    public Segment get(@PathParam("segmentId") String segmentId) {
        return segments.get(tenant.locationId(), Ids.parse(segmentId, "segment"));
    }

    @PATCH
    @Path("{segmentId}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "updateSegment", summary = "Rename a segment, describe it, or change its filter")
    public Segment update(@PathParam("segmentId") String segmentId, JsonValue body) {
        return segments.update(tenant.locationId(), Ids.parse(segmentId, "segment"), JsonBodies.object(body));
    }

    @DELETE
    @Path("{segmentId}")
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "deleteSegment", summary = "Delete a segment (its contacts stay)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("segmentId") String segmentId) {
        segments.delete(tenant.locationId(), Ids.parse(segmentId, "segment"));
        return Response.noContent().build();
    }

    @GET
    @Path("{segmentId}/count")
    @Operation(operationId = "countSegment", summary = "How many contacts the segment matches now (kept as its last count)")
    public Count count(@PathParam("segmentId") String segmentId) {
        Segment counted = segments.countSegment(tenant.locationId(), Ids.parse(segmentId, "segment"));
        return new Count(counted.lastCount(), counted.countedAt());
    }

    @GET
    @Path("{segmentId}/contacts")
    @Operation(operationId = "listSegmentContacts", summary = "The segment's contacts, page by page, as the contact list sorts them")
    public ContactPage contacts(@PathParam("segmentId") String segmentId,
                                @Parameter(description = "createdAt (default), updatedAt, name or email") @QueryParam("sort") String sort,
                                @Parameter(description = "asc or desc (default)") @QueryParam("order") String order,
                                @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        if (order != null && !order.isBlank() && !order.equals("asc") && !order.equals("desc")) {
            throw ProblemException.invalid(FieldError.parameter("order", "order must be asc or desc"));
        }
        SqlCondition where = segments.compiled(tenant.locationId(), Ids.parse(segmentId, "segment"));
        Page<Contact> page = segments.contacts(tenant.locationId(), where,
                new ContactQuery(null, null, null, sort, "asc".equals(order), Paging.limit(limit), cursor, false));
        return new ContactPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("{segmentId}/export")
    @Produces({CSV, "application/problem+json"})
    @Operation(operationId = "exportSegment", summary = "The segment's contacts as CSV, streamed",
            description = "One line per contact after a header: the standard fields, tags, then each custom field by name.")
    @APIResponse(responseCode = "200", description = "CSV (RFC 4180, UTF-8)",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response export(@PathParam("segmentId") String segmentId) {
        UUID id = Ids.parse(segmentId, "segment");
        Segment segment = segments.get(tenant.locationId(), id);
        SqlCondition where = segments.compiled(tenant.locationId(), id);
        return Response.ok(export.csv(tenant.locationId(), where), CSV + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + SegmentExport.fileName(segment.name()) + ".csv\"").build();
    }
}
