package dev.switchboard.core.crm.imports;

import dev.switchboard.core.config.PlatformConfig;
import dev.switchboard.core.crm.fields.CustomFields;
import dev.switchboard.core.crm.fields.FieldModel;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Files uploaded for contact imports: stored as they arrive (in chunks of whole rows, see
 * {@link UploadReader}) in one transaction, so that a file that is refused leaves nothing behind; read
 * back by chunks by the import; kept for {@code switchboard.imports.file-ttl-hours} after their upload, or
 * until the imports that use them finish, then deleted.
 */
@ApplicationScoped
public class ImportFiles {

    private static final String COLUMNS = """
            id, name, format, delimiter, bytes, rows, columns::text, preview::text, created_by, created_at, expires_at""";

    @Inject
    Database db;

    @Inject
    PlatformConfig config;

    @Inject
    CustomFields customFields;

    /** A stored chunk of whole rows. */
    public record StoredChunk(int seq, long firstRow, int rows, byte[] data) {
    }

    /**
     * Reads and stores an upload. A file that breaks a limit or is not well-formed is refused with a
     * problem naming the row and column, and nothing of it is kept.
     */
    @Transactional
    public ImportFile store(LocationId locationId, String name, ImportFileFormat format, InputStream body, UUID userId) {
        String fileName = name == null || name.isBlank() ? "upload" + (format == ImportFileFormat.CSV ? ".csv" : ".jsonl")
                : name.strip();
        if (fileName.length() > ImportLimits.MAX_FILE_NAME || Texts.unstorable(fileName) != null) {
            throw ProblemException.badRequest("a file name is text of at most " + ImportLimits.MAX_FILE_NAME + " characters");
        }
        long kept = db.queryOne("SELECT count(*) FROM import_file WHERE location_id = ?", row -> row.getLong(1), locationId)
                .orElse(0L);
        if (kept >= ImportLimits.MAX_FILES_PER_LOCATION) {
            throw ProblemException.conflict("the location keeps " + kept + " uploaded files, the most it may; delete one "
                    + "(DELETE …/import-files/{fileId}) or wait until one expires");
        }
        ImportLimits limits = config.importLimits();
        UUID id = UUID.randomUUID();
        db.update("""
                INSERT INTO import_file (id, location_id, name, format, bytes, rows, chunks, columns, preview, created_by, expires_at)
                VALUES (?, ?, ?, ?, 0, 0, 0, '[]', '[]', ?, now() + ? * interval '1 second')""",
                id, locationId, fileName, format.name(), userId, limits.keptFor().toSeconds());
        UploadReader.Summary summary = UploadReader.read(body, format, limits, (seq, firstRow, rows, data, length) -> db.update("""
                INSERT INTO import_file_chunk (location_id, file_id, seq, first_row, row_count, data) VALUES (?, ?, ?, ?, ?, ?)""",
                locationId, id, seq, firstRow, rows, Arrays.copyOf(data, length)));
        JsonArrayBuilder columns = Json.createArrayBuilder();
        for (UploadReader.Column column : summary.columns()) {
            columns.add(Json.createObjectBuilder().add("name", column.name()).add("samples", Json.createArrayBuilder(column.samples())));
        }
        JsonArrayBuilder preview = Json.createArrayBuilder();
        summary.preview().forEach(row -> preview.add(Json.createArrayBuilder(row)));
        db.update("""
                UPDATE import_file SET delimiter = ?, bytes = ?, rows = ?, chunks = ?, columns = ?::jsonb, preview = ?::jsonb
                WHERE id = ?""", summary.delimiter() == null ? null : summary.delimiter().toString(), summary.bytes(),
                summary.rows(), summary.chunks(), columns.build().toString(), preview.build().toString(), id);
        return get(locationId, id);
    }

    /** The location's file, with a suggestion for each column; another location's, or an expired one, is not found. */
    @Transactional
    public Optional<ImportFile> find(LocationId locationId, UUID fileId) {
        ColumnSuggestions suggestions = new ColumnSuggestions(customFields.list(locationId, FieldModel.CONTACT));
        return db.queryOne("SELECT " + COLUMNS + " FROM import_file WHERE location_id = ? AND id = ? AND expires_at > now()",
                row -> file(row, suggestions), locationId, fileId);
    }

    @Transactional
    public ImportFile get(LocationId locationId, UUID fileId) {
        return find(locationId, fileId).orElseThrow(() -> ProblemException.notFound("import file " + fileId));
    }

    /** Deletes a file; not while an import that is queued or running uses it. */
    @Transactional
    public void delete(LocationId locationId, UUID fileId) {
        db.queryOne("SELECT id FROM import_file WHERE location_id = ? AND id = ? FOR UPDATE", row -> true, locationId, fileId)
                .orElseThrow(() -> ProblemException.notFound("import file " + fileId));
        Optional<UUID> job = db.queryOne("""
                SELECT id FROM background_job WHERE location_id = ? AND kind = ? AND status IN ('QUEUED', 'RUNNING')
                AND parameters->>'file' = ? LIMIT 1""", row -> row.getObject(1, UUID.class), locationId, FileImports.KIND,
                fileId.toString());
        if (job.isPresent()) {
            throw ProblemException.conflict("import " + job.get() + " is using the file; cancel it first");
        }
        db.update("DELETE FROM import_file WHERE location_id = ? AND id = ?", locationId, fileId);
    }

    /**
     * Deletes the files past their time that no queued or running import uses; in a system scope, every
     * location's at once.
     *
     * @return how many were deleted
     */
    @Transactional
    public int deleteExpired(int batch) {
        return db.update("""
                DELETE FROM import_file WHERE id IN (
                    SELECT f.id FROM import_file f WHERE f.expires_at <= now() AND NOT EXISTS (
                        SELECT 1 FROM background_job j WHERE j.location_id = f.location_id AND j.kind = ?
                        AND j.status IN ('QUEUED', 'RUNNING') AND j.parameters->>'file' = f.id::text)
                    ORDER BY f.expires_at LIMIT ? FOR UPDATE SKIP LOCKED)""", FileImports.KIND, batch);
    }

    /** A chunk of a file, by its number. */
    @Transactional
    public Optional<StoredChunk> chunk(LocationId locationId, UUID fileId, int seq) {
        return db.queryOne("""
                SELECT seq, first_row, row_count, data FROM import_file_chunk WHERE location_id = ? AND file_id = ? AND seq = ?""",
                row -> new StoredChunk(row.getInt(1), row.getLong(2), row.getInt(3), row.getBytes(4)), locationId, fileId, seq);
    }

    /** The file as an import reads it, expired or not (an import keeps its file). */
    @Transactional
    public Optional<ImportFile> forImport(LocationId locationId, UUID fileId) {
        ColumnSuggestions suggestions = new ColumnSuggestions(customFields.list(locationId, FieldModel.CONTACT));
        return db.queryOne("SELECT " + COLUMNS + " FROM import_file WHERE location_id = ? AND id = ?",
                row -> file(row, suggestions), locationId, fileId);
    }

    private static ImportFile file(ResultSet row, ColumnSuggestions suggestions) throws SQLException {
        int c = 1;
        UUID id = row.getObject(c++, UUID.class);
        String name = row.getString(c++);
        ImportFileFormat format = ImportFileFormat.valueOf(row.getString(c++));
        String delimiter = row.getString(c++);
        long bytes = row.getLong(c++);
        long rows = row.getLong(c++);
        JsonArray columnsJson = Json.createReader(new StringReader(row.getString(c++))).readArray();
        JsonArray previewJson = Json.createReader(new StringReader(row.getString(c++))).readArray();
        UUID createdBy = row.getObject(c++, UUID.class);
        OffsetDateTime createdAt = row.getObject(c++, OffsetDateTime.class);
        OffsetDateTime expiresAt = row.getObject(c, OffsetDateTime.class);
        List<ImportFile.Column> columns = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (JsonValue value : columnsJson) {
            JsonObject column = value.asJsonObject();
            String columnName = column.getString("name");
            // a field that takes one value is suggested for the first column that fits it only
            String suggested = suggestions.suggest(columnName)
                    .filter(target -> ImportTarget.ofApiName(target).map(t -> t.kind() == ImportTarget.Kind.LIST).orElse(false)
                            || taken.add(target))
                    .orElse(null);
            columns.add(new ImportFile.Column(columnName, strings(column.getJsonArray("samples")), suggested));
        }
        List<List<String>> preview = new ArrayList<>();
        previewJson.forEach(cells -> preview.add(strings(cells.asJsonArray())));
        return new ImportFile(id, name, format, delimiter == null ? null : delimiter.charAt(0), bytes, rows, columns, preview,
                createdBy, createdAt, expiresAt);
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
