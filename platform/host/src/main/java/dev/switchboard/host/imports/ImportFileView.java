package dev.switchboard.host.imports;

import dev.switchboard.core.crm.imports.ImportFile;
import dev.switchboard.core.crm.imports.ImportFileFormat;
import dev.switchboard.core.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An uploaded import file as the API shows it. The record documents the shape; {@link #json} writes it. */
@Schema(name = "ImportFile", description = "A file uploaded to import contacts from")
public record ImportFileView(String id, String name,
                             @Schema(enumeration = {"csv", "jsonLines"}) String format,
                             @Schema(description = "A CSV file's delimiter, found from its header: , ; or a tab") String delimiter,
                             long bytes,
                             @Schema(description = "Its rows (a CSV file's header left out)") long rows,
                             List<Column> columns,
                             @Schema(description = "Each column's suggested field, as POST …/imports takes it as mapping "
                                     + "(columns with no suggestion are left out)", example = "{\"First Name\": \"firstName\"}")
                             Map<String, String> suggestedMapping,
                             @Schema(description = "The first rows, a cell per column") List<List<String>> preview,
                             String createdBy, OffsetDateTime createdAt,
                             @Schema(description = "When it is deleted, unless an import still uses it") OffsetDateTime expiresAt) {

    /** A column of the file. */
    @Schema(name = "ImportFileColumn")
    public record Column(String name, @Schema(description = "A few of its values, from the first rows") List<String> samples,
                         @Schema(description = "The contact field it would go to (firstName, customFields.plan, …)")
                         String suggested) {
    }

    public static JsonObject json(ImportFile file) {
        JsonArrayBuilder columns = Json.createArrayBuilder();
        JsonObjectBuilder mapping = Json.createObjectBuilder();
        for (ImportFile.Column column : file.columns()) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("name", column.name())
                    .add("samples", Json.createArrayBuilder(column.samples()));
            column.suggestion().ifPresent(target -> {
                json.add("suggested", target);
                mapping.add(column.name(), target);
            });
            columns.add(json);
        }
        JsonArrayBuilder preview = Json.createArrayBuilder();
        file.preview().forEach(row -> preview.add(Json.createArrayBuilder(row)));
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", file.id().toString()).add("name", file.name())
                .add("format", file.format() == ImportFileFormat.CSV ? "csv" : "jsonLines").add("bytes", file.bytes())
                .add("rows", file.rows()).add("columns", columns).add("suggestedMapping", mapping).add("preview", preview)
                .add("createdAt", file.createdAt().toString()).add("expiresAt", file.expiresAt().toString());
        if (file.delimiter() != null) {
            json.add("delimiter", file.delimiter().toString());
        }
        if (file.createdBy() != null) {
            json.add("createdBy", file.createdBy().toString());
        }
        return json.build();
    }
}
