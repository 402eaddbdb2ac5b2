package dev.switchboard.core.crm.imports;

import dev.switchboard.core.config.PlatformConfig;
import dev.switchboard.core.crm.Actor;
import dev.switchboard.core.crm.contacts.ContactImportWriter;
import dev.switchboard.core.crm.contacts.Contacts;
import dev.switchboard.core.crm.fields.CustomField;
import dev.switchboard.core.crm.fields.CustomFields;
import dev.switchboard.core.crm.fields.FieldModel;
import dev.switchboard.core.crm.settings.CrmSettings;
import dev.switchboard.core.crm.settings.LocationCrmSettings;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.db.InTransaction;
import dev.switchboard.core.jobs.JobHandler;
import dev.switchboard.core.jobs.JobRun;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Runs the import of an uploaded file as a background job: the file's rows are read in batches of
 * {@code switchboard.imports.batch-rows}, each row normalised ({@link RowNormalizer}) and the good ones
 * written set-based ({@link ContactImportWriter}); each batch commits with its progress, its rows' errors
 * (by row number) and a checkpoint (the next row: its chunk and place in it; the counts so far), so an
 * import resumes after a crash at the batch it was in, and stops between batches when cancelled. While a
 * batch is written, the next one is read and normalised on a thread of its own.
 */
@ApplicationScoped
public class FileImportJob implements JobHandler {

    private static final Logger LOG = Logger.getLogger(FileImportJob.class.getName());
    /** Tries at a batch that the database aborted as a deadlock (with an API write of the same contacts). */
    private static final int ATTEMPTS = 5;

    @Inject
    ImportFiles files;

    @Inject
    CustomFields customFields;

    @Inject
    LocationCrmSettings settings;

    @Inject
    ContactImportWriter writer;

    @Inject
    PlatformConfig config;

    @Inject
    InTransaction transaction;

    @Resource
    ManagedThreadFactory threads;

    /** The import cannot run; the job fails saying why. */
    static final class ImportFailed extends Exception {

        private static final long serialVersionUID = 1L;

        ImportFailed(String reason) {
            super(reason);
        }
    }

    /**
     * A batch read and normalised: its rows' outcomes, the drafts of its good rows, and where the file's rows
     * after it start.
     */
    private record Prepared(List<RowNormalizer.Outcome> outcomes, List<ContactImportWriter.Draft> drafts, int chunk, int row) {
    }

    /** The reader has read the whole file. */
    private static final Object END = new Object();

    /**
     * Where an import is: the next row (the chunk, and the rows of it already done, its header left out) and
     * what its rows became so far.
     */
    private record Progress(int chunk, int row, long created, long updated, long skipped, long blank) {

        static Progress of(Optional<JsonValue> checkpoint) {
            return checkpoint.filter(value -> value.getValueType() == JsonValue.ValueType.OBJECT).map(JsonValue::asJsonObject)
                    .map(json -> new Progress(json.getInt("chunk"), json.getInt("row", 0), json.getJsonNumber("created").longValue(),
                            json.getJsonNumber("updated").longValue(), json.getJsonNumber("skipped").longValue(),
                            json.getJsonNumber("blank").longValue()))
                    .orElse(new Progress(0, 0, 0, 0, 0, 0));
        }

        JsonObject json() {
            return Json.createObjectBuilder().add("chunk", chunk).add("row", row).add("created", created).add("updated", updated)
                    .add("skipped", skipped).add("blank", blank).build();
        }

        JsonObject result() {
            return Json.createObjectBuilder().add("created", created).add("updated", updated).add("skipped", skipped)
                    .add("blank", blank).build();
        }
    }

    @Override
    public String kind() {
        return FileImports.KIND;
    }

    @Override
    public JsonObject run(JobRun run) throws Exception {
        LocationId locationId = run.locationId();
        JsonObject parameters = run.parameters();
        UUID fileId = UUID.fromString(parameters.getString("file"));
        ImportFile file = files.forImport(locationId, fileId).orElseThrow(() -> new ImportFailed("the file "
                + parameters.getString("fileName", fileId.toString()) + " was deleted before its import finished"));
        CrmSettings crm = transaction.get(() -> settings.of(locationId));
        List<CustomField> fields = transaction.get(() -> customFields.list(locationId, FieldModel.CONTACT));
        RowNormalizer normalizer = new RowNormalizer(mapping(parameters.getJsonObject("mapping"), file, fields), crm.country());
        Contacts.OnDuplicate choice = Contacts.OnDuplicate.valueOf(parameters.getString("duplicates").toUpperCase(Locale.ROOT));
        List<String> tags = parameters.getJsonArray("tags").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .toList();
        Actor actor = run.createdBy().map(Actor::user).orElse(Actor.system("import"));
        Progress progress = Progress.of(run.checkpoint());
        run.expect(file.rows());
        int batchRows = config.importBatchRows();
        BlockingQueue<Object> batches = new ArrayBlockingQueue<>(1);
        Progress from = progress;
        Thread reader = threads.newThread(() -> {
            try (DatabaseScope scope = DatabaseScope.location(locationId.value())) {
                read(locationId, file, normalizer, from, batchRows, batches, tags, fields);
                batches.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                batches.clear();
                batches.offer(e);
            }
        });
        reader.setName("switchboard-import-reader-" + run.id());
        reader.start();
        try {
            while (true) {
                Object next = batches.take();
                if (next == END) {
                    break;
                }
                if (next instanceof RuntimeException failure) {
                    throw failure;
                }
                if (next instanceof Error failure) {
                    throw failure;
                }
                progress = commit(run, (Prepared) next, progress, choice, crm, actor, tags, fields);
                if (run.stopRequested()) {
                    break;
                }
            }
        } finally {
            reader.interrupt();
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }
        return progress.result();
    }

    /**
     * Reads the file's rows from {@code from} on, normalises them and hands them over in batches of
     * {@code batchRows}, on a thread of its own, while the import writes the batch before.
     */
    private void read(LocationId locationId, ImportFile file, RowNormalizer normalizer, Progress from, int batchRows,
                      BlockingQueue<Object> batches, List<String> tags, List<CustomField> fields) throws InterruptedException {
        List<RowNormalizer.Outcome> batch = new ArrayList<>(batchRows);
        List<ContactImportWriter.Draft> drafts = new ArrayList<>(batchRows);
        int seq = from.chunk();
        int skip = from.row();
        while (true) {
            Optional<ImportFiles.StoredChunk> chunk = files.chunk(locationId, file.id(), seq);
            if (chunk.isEmpty()) {
                break;
            }
            int[] row = {0};
            int chunkSeq = seq;
            int skipped = skip;
            rows(chunk.get(), file, (number, values) -> {
                if (row[0]++ < skipped) {
                    return;
                }
                RowNormalizer.Outcome outcome = normalizer.normalize(number, values);
                batch.add(outcome);
                if (outcome instanceof RowNormalizer.Good good) {
                    drafts.add(ContactImportWriter.draft(locationId, good.contact(), tags, fields));
                }
                if (batch.size() >= batchRows) {
                    batches.put(new Prepared(List.copyOf(batch), List.copyOf(drafts), chunkSeq, row[0]));
                    batch.clear();
                    drafts.clear();
                }
            });
            seq++;
            skip = 0;
        }
        if (!batch.isEmpty()) {
            batches.put(new Prepared(List.copyOf(batch), List.copyOf(drafts), seq, 0));
        }
    }

    /** One batch in one transaction, with its progress and checkpoint; tried again when the database broke a deadlock. */
    private Progress commit(JobRun run, Prepared batch, Progress before, Contacts.OnDuplicate choice, CrmSettings crm,
                            Actor actor, List<String> tags, List<CustomField> fields) {
        long blank = batch.outcomes().stream().filter(RowNormalizer.Blank.class::isInstance).count();
        long blankRows = blank;
        Progress[] after = new Progress[1];
        for (int attempt = 1; ; attempt++) {
            try {
                run.commit(round -> {
                    ContactImportWriter.Written written = writer.write(run.locationId(), batch.drafts(), crm.policy(), choice, actor,
                            tags, fields);
                    List<ContactImportWriter.Refused> refused = new ArrayList<>(written.refused());
                    for (RowNormalizer.Outcome outcome : batch.outcomes()) {
                        if (outcome instanceof RowNormalizer.Rejected rejected) {
                            refused.add(new ContactImportWriter.Refused(rejected.row(), rejected.reason()));
                        }
                    }
                    refused.sort(Comparator.comparingLong(ContactImportWriter.Refused::row));
                    refused.forEach(row -> round.failed("row " + row.row(), row.reason()));
                    round.done(written.created() + written.updated() + written.skipped() + blankRows);
                    after[0] = new Progress(batch.chunk(), batch.row(), before.created() + written.created(),
                            before.updated() + written.updated(), before.skipped() + written.skipped(), before.blank() + blankRows);
                    return after[0].json();
                });
                return after[0];
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !retryable(e)) {
                    throw e;
                }
                LOG.info(() -> "A batch of import " + run.id() + " met a deadlock and is written again: " + e.getMessage());
            }
        }
    }

    private static boolean retryable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** The mapping the import was started with, against the file and the fields as they are now. */
    static List<RowNormalizer.Mapped> mapping(JsonObject mapping, ImportFile file, List<CustomField> fields) throws ImportFailed {
        Map<String, CustomField> byKey = new HashMap<>();
        fields.forEach(field -> byKey.put(field.key(), field));
        List<RowNormalizer.Mapped> mapped = new ArrayList<>();
        for (Map.Entry<String, JsonValue> entry : mapping.entrySet()) {
            int column = file.columnIndex(entry.getKey()).orElseThrow(() -> new ImportFailed("the file has no column "
                    + entry.getKey()));
            String target = ((JsonString) entry.getValue()).getString();
            if (target.startsWith(ImportTarget.CUSTOM)) {
                String key = target.substring(ImportTarget.CUSTOM.length());
                CustomField field = byKey.get(key);
                if (field == null) {
                    throw new ImportFailed("column " + entry.getKey() + " goes to custom field " + key + ", which the location "
                            + "no longer has (deleted, or its key changed)");
                }
                mapped.add(new RowNormalizer.Mapped(column, entry.getKey(), null, field));
            } else {
                mapped.add(new RowNormalizer.Mapped(column, entry.getKey(), ImportTarget.ofApiName(target).orElseThrow(), null));
            }
        }
        return mapped;
    }

    /** Takes one row of a chunk: its number in the file and its values by column (null where it has none). */
    interface RowSink {
        void row(long row, JsonValue[] values) throws InterruptedException;
    }

    /** The rows of a chunk, a CSV file's header left out; a CSV cell's spaces around it are dropped. */
    static void rows(ImportFiles.StoredChunk chunk, ImportFile file, RowSink sink) throws InterruptedException {
        int width = file.columns().size();
        InputStreamReader text = new InputStreamReader(new ByteArrayInputStream(chunk.data()), StandardCharsets.UTF_8);
        try {
            if (file.format() == ImportFileFormat.CSV) {
                CSVFormat csv = CSVFormat.RFC4180.builder().setDelimiter(file.delimiter()).get();
                try (CSVParser parser = CSVParser.builder().setReader(text).setFormat(csv).get()) {
                    long row = chunk.firstRow();
                    for (CSVRecord record : parser) {
                        if (row == 1) {
                            row++;
                            continue;
                        }
                        JsonValue[] values = new JsonValue[width];
                        for (int i = 0; i < Math.min(width, record.size()); i++) {
                            String cell = record.get(i).strip();
                            values[i] = cell.isEmpty() ? null : Json.createValue(cell);
                        }
                        sink.row(row++, values);
                    }
                }
            } else {
                Map<String, Integer> index = new HashMap<>();
                for (int i = 0; i < width; i++) {
                    index.put(file.columns().get(i).name(), i);
                }
                BufferedReader lines = new BufferedReader(text);
                long row = chunk.firstRow();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    JsonValue[] values = new JsonValue[width];
                    for (Map.Entry<String, JsonValue> member : JsonLines.parse(line, row).entrySet()) {
                        Integer at = index.get(member.getKey());
                        if (at != null) {
                            values[at] = member.getValue();
                        }
                    }
                    sink.row(row++, values);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading chunk " + chunk.seq() + " of an import file failed", e);
        }
    }
}
