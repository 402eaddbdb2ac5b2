package dev.switchboard.host.imports;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.crm.imports.FileImports;
import dev.switchboard.core.jobs.Job;
import dev.switchboard.core.jobs.Jobs;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.plugins.imports.ImportJob;
import dev.switchboard.core.plugins.imports.ImporterCatalog;
import dev.switchboard.core.plugins.imports.ImporterSpec;
import dev.switchboard.core.plugins.imports.Imports;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.Ids;
import dev.switchboard.host.JsonBodies;
import dev.switchboard.host.auth.Requires;
import dev.switchboard.host.jobs.JobResource;
import dev.switchboard.host.jobs.JobView;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Imports of contacts into a location by the importers of the plugins it uses: what can be imported,
 * starting an import (a background job, followed under {@code /jobs}), and the rows it could not use.
 */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}")
@Tag(name = "Imports", description = "Contacts imported from files, and from other systems by plugins")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    static final String CSV = JobResource.CSV;
    /** The kinds of job that are imports: a plugin's, a file's. */
    static final Set<String> KINDS = Set.of(ImportJob.KIND, FileImports.KIND);
    private static final String IMPORT_EXAMPLE = """
            {"importer": "crmvendor.contacts", "source": {"since": "2026-01-01"}, "duplicates": "update"}""";
    private static final String FILE_IMPORT_EXAMPLE = """
            {"file": "0f8e5a7c-2b1d-4c3e-9a6f-5d4c3b2a1f0e", "mapping": {"First Name": "firstName", "Email": "email",
             "Plan": "customFields.plan"}, "duplicates": "skip", "tags": ["spring-fair"]}""";

    @Inject
    ImporterCatalog importers;

    @Inject
    Imports imports;

    @Inject
    FileImports fileImports;

    @Inject
    Jobs jobs;

    @Inject
    TenantScope tenant;

    /** An importer as the API lists it. */
    @Schema(name = "Importer")
    public record ImporterView(String id, String name, String description,
                               @Schema(description = "The plugin that provides it") String pluginId, String pluginVersion,
                               @Schema(description = "JSON Schema of the choices for one import (the console's form)")
                               JsonObject source) {
    }

    /** What starts an import: from a plugin's importer ({@code importer}, {@code source}) or from an uploaded file ({@code file}). */
    @Schema(name = "ImportRequest")
    public record ImportRequest(@Schema(description = "A plugin import: the importer's id") String importer,
                                @Schema(description = "A plugin import: the choices for this import, as the importer's source "
                                        + "schema says") JsonObject source,
                                @Schema(description = "A file import: the id of a file uploaded with POST …/import-files") String file,
                                @Schema(description = "A file import: each column's name to the contact field it goes to "
                                        + "(firstName, email, tags, customFields.<key>, …) or null to leave it out; "
                                        + "absent: the file's suggestedMapping",
                                        example = "{\"First Name\": \"firstName\", \"Email\": \"email\", \"Plan\": \"customFields.plan\"}")
                                Map<String, String> mapping,
                                @Schema(description = "A file import: tags added to every contact it creates or updates")
                                List<String> tags,
                                @Schema(enumeration = {"skip", "update", "create"}, defaultValue = "update",
                                        description = "A row matching a contact under the location's duplicate policy (or, "
                                                + "for a file, an earlier row of it): leave the contact, update it, or create "
                                                + "another contact")
                                String duplicates) {
    }

    @GET
    @Path("importers")
    @Operation(operationId = "listImporters", summary = "The importers of the plugins this location uses, with the schema of their choices")
    @APIResponse(responseCode = "200", description = "The importers, by name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImporterView[].class)))
    public JsonArray importers() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (ImporterSpec importer : importers.forLocation(tenant.locationId())) {
            list.add(Json.createObjectBuilder().add("id", importer.id()).add("name", importer.name())
                    .add("description", importer.description()).add("pluginId", importer.pluginId())
                    .add("pluginVersion", importer.pluginVersion()).add("source", importer.sourceSchema()));
        }
        return list.build();
    }

    @POST
    @Path("imports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "startImport", summary = "Start an import: a background job that brings contacts in, from a "
            + "plugin's importer or an uploaded file")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportRequest.class),
            examples = {@ExampleObject(name = "import", value = IMPORT_EXAMPLE),
                        @ExampleObject(name = "fileImport", value = FILE_IMPORT_EXAMPLE)}))
    @APIResponse(responseCode = "202", description = "Queued; Location names the job to follow",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "404", description = "The file is not one of the location's, or has expired (naming /file)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "400", description = "The importer is unknown here, or a choice does not fit (named, e.g. "
            + "/source/since); a column is mapped to what is not a contact field (/mapping/<column>)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response start(JsonValue body, @Context UriInfo uri) {
        JsonObject request = JsonBodies.object(body);
        Job job = request.containsKey("file") ? fileImports.start(tenant.locationId(), request, tenant.user().id())
                : imports.start(tenant.locationId(), request, tenant.user().id());
        return JobView.accepted(job, uri);
    }

    @GET
    @Path("imports/{jobId}/errors")
    @Produces({CSV, "application/problem+json"})
    @Operation(operationId = "listImportErrors",
            summary = "The rows an import could not use, as CSV: reference (the source's id), reason")
    @APIResponse(responseCode = "200", description = "One line per rejected row, after a header line",
            content = @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    public Response errors(@PathParam("jobId") String jobId) {
        UUID id = Ids.parse(jobId, "import");
        Job job = jobs.find(tenant.locationId(), id).filter(found -> KINDS.contains(found.kind()))
                .orElseThrow(() -> ProblemException.notFound("import " + jobId));
        return JobResource.errorsCsv(jobs, tenant.locationId(), job);
    }
}
