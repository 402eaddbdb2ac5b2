package dev.switchboard.host.imports;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.crm.imports.ImportFile;
import dev.switchboard.core.crm.imports.ImportFileFormat;
import dev.switchboard.core.crm.imports.ImportFiles;
import dev.switchboard.core.crm.imports.ImportLimits;
import dev.switchboard.core.problems.Problem;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.ProblemType;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.Ids;
import dev.switchboard.host.auth.Requires;
import dev.switchboard.host.problems.RawBody;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Files uploaded to import contacts from: CSV ({@code text/csv}) or JSON lines
 * ({@code application/x-ndjson}), sent as the request body and read as it arrives; answered with what was
 * read from them and a suggested mapping of their columns. An import of one is started with
 * {@code POST …/imports {"file": …}}.
 */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}/import-files")
@Tag(name = "Imports", description = "Contacts imported from files, and from other systems by plugins")
@Produces(MediaType.APPLICATION_JSON)
public class ImportFileResource {

    static final String NDJSON = "application/x-ndjson";
    private static final Pattern FILE_NAME = Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    /** How much of a refused upload is read and dropped before answering, so that the client hears the answer. */
    private static final long DRAINED = 32L * 1024 * 1024;

    @Inject
    ImportFiles files;

    @Inject
    TenantScope tenant;

    @POST
    @RawBody
    @Consumes({ImportResource.CSV, NDJSON})
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "uploadImportFile", summary = "Upload a CSV or JSON lines file of contacts to import")
    @APIResponse(responseCode = "201", description = "Stored: its rows, columns with samples and a suggested field each, "
            + "and a preview; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportFileView.class)))
    @APIResponse(responseCode = "400", description = "The file is malformed (naming the row and column): not UTF-8, a NUL byte, "
            + "broken quoting, a column without a name of its own, a cell too long, no rows",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "The location keeps as many files as it may",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "413", description = "The file has more bytes, rows or columns than allowed, or a row is too long",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response upload(@Parameter(description = "The file's name (else the Content-Disposition header's filename)")
                           @QueryParam("name") String name,
                           @HeaderParam("Content-Disposition") String disposition,
                           @Context HttpHeaders headers, @Context UriInfo uri,
                           @RequestBody(required = true, description = "The file: UTF-8 (a byte order mark is allowed); CSV "
                                   + "with a header row, delimited by commas, semicolons or tabs (found from the header)",
                                   content = {
                                       @Content(mediaType = ImportResource.CSV, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                                       @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
                           InputStream body) {
        MediaType type = headers.getMediaType();
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            throw new ProblemException(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "files are read as UTF-8; " + charset
                    + " is not taken: save the file as UTF-8"));
        }
        ImportFileFormat format = ImportFileFormat.ofMediaType(type.getType() + "/" + type.getSubtype()).orElseThrow();
        ImportFile file;
        try {
            // the reader closes what it reads; the request's stream stays open so that a refusal can drain it
            file = files.store(tenant.locationId(), name != null ? name : fileName(disposition), format,
                    new FilterInputStream(body) {
                        @Override
                        public void close() {
                        }
                    }, tenant.user().id());
        } catch (ProblemException refused) {
            drain(body);
            throw refused;
        }
        return Response.created(uri.getAbsolutePathBuilder().path(file.id().toString()).build())
                .entity(ImportFileView.json(file)).build();
    }

    @GET
    @Path("{fileId}")
    @Operation(operationId = "getImportFile", summary = "An uploaded file: its rows, columns, suggested mapping and preview")
    @APIResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportFileView.class)))
    public JsonObject get(@PathParam("fileId") String fileId) {
        return ImportFileView.json(files.get(tenant.locationId(), Ids.parse(fileId, "import file")));
    }

    @DELETE
    @Path("{fileId}")
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "deleteImportFile", summary = "Delete an uploaded file (files are deleted by themselves once expired)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "An import that is queued or running uses it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response delete(@PathParam("fileId") String fileId) {
        files.delete(tenant.locationId(), Ids.parse(fileId, "import file"));
        return Response.noContent().build();
    }

    /** The file name of a {@code Content-Disposition} header, if it has one. */
    static String fileName(String disposition) {
        if (disposition == null) {
            return null;
        }
        Matcher name = FILE_NAME.matcher(disposition);
        if (!name.find()) {
            return null;
        }
        String path = name.group(1).strip();
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        String bare = path.substring(slash + 1);
        return bare.length() > ImportLimits.MAX_FILE_NAME ? bare.substring(0, ImportLimits.MAX_FILE_NAME) : bare;
    }

    /** Reads and drops up to {@link #DRAINED} more bytes of a refused upload. */
    private static void drain(InputStream body) {
        byte[] buffer = new byte[64 * 1024];
        long left = DRAINED;
        try {
            for (int read; left > 0 && (read = body.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
                left -= read;
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, or the stream is done with: nobody to answer
        }
    }
}
