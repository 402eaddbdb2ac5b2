package dev.switchboard.core.crm.imports;

import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an upload once, as it arrives: its bytes go to the {@link ChunkSink} in chunks of whole rows
 * (found by a {@link RowSplitter}), while a parser (Apache Commons CSV, or a JSON parser per line) reads
 * the same bytes to check every row, count them, and keep the header, a preview and samples of each
 * column. Nothing of the file is held in memory but the chunk being filled. Whatever is wrong with the
 * file is thrown as a {@link ProblemException} naming the row and column, before the caller commits
 * anything.
 */
final class UploadReader {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** How much of a CSV file's start is read to find its delimiter in the header line. */
    private static final int DELIMITER_SCAN = 64 * 1024;

    /** Takes the stored file's chunks, in order. */
    interface ChunkSink {
        /**
         * @param firstRow the row number of the chunk's first row (1: the file's first line, a CSV file's header)
         * @param rows how many rows it holds
         */
        void chunk(int seq, long firstRow, int rows, byte[] data, int length);
    }

    /** A column: its name and a few of its values. */
    record Column(String name, List<String> samples) {
    }

    /**
     * What was read.
     *
     * @param delimiter a CSV file's delimiter; null for JSON lines
     * @param rows the data rows (a CSV file's header left out)
     */
    record Summary(ImportFileFormat format, Character delimiter, long bytes, long rows, int chunks, List<Column> columns,
                   List<List<String>> preview) {
    }

    private UploadReader() {
    }

    static Summary read(InputStream body, ImportFileFormat format, ImportLimits limits, ChunkSink sink) {
        try {
            LimitedInput limited = new LimitedInput(body, limits.maxBytes());
            byte[] start = limited.readNBytes(BOM.length);
            InputStream rest = Arrays.equals(start, BOM) ? limited : new SequenceInputStream(new ByteArrayInputStream(start), limited);
            byte delimiter = ',';
            if (format == ImportFileFormat.CSV) {
                byte[] head = rest.readNBytes(DELIMITER_SCAN);
                delimiter = detectDelimiter(head);
                rest = new SequenceInputStream(new ByteArrayInputStream(head), rest);
            }
            Chunker chunker = new Chunker(new RowSplitter(format, delimiter, 4L * ImportLimits.MAX_CELL,
                    ImportLimits.MAX_ROW_BYTES, ImportLimits.MAX_COLUMNS), sink);
            Collector collector = new Collector(limits.maxRows(), format == ImportFileFormat.CSV ? 1 : 0);
            try (Reader text = new InputStreamReader(new TeeInput(rest, chunker), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
                if (format == ImportFileFormat.CSV) {
                    readCsv(text, (char) delimiter, collector);
                } else {
                    readJsonLines(text, collector);
                }
            }
            chunker.finish();
            long rows = Math.max(0, chunker.splitter.rows() - (format == ImportFileFormat.CSV ? 1 : 0));
            if (rows != collector.rows) {
                // the parser and the split disagree: the file's quoting is not what both read the same way
                throw ProblemException.badRequest("the file's quoting is malformed: " + collector.rows + " rows were read, "
                        + rows + " rows were found by their line breaks");
            }
            if (rows == 0) {
                throw ProblemException.badRequest(format == ImportFileFormat.CSV
                        ? "the file has no rows under its header" : "the file has no rows");
            }
            return new Summary(format, format == ImportFileFormat.CSV ? (char) delimiter : null, limited.count(), rows,
                    chunker.chunks, collector.columns(), collector.preview());
        } catch (RowSplitter.Refused refused) {
            String where = "row " + refused.row() + (refused.column() > 0 ? ", column " + refused.column() : "") + ": ";
            throw refused.tooLarge() ? ProblemException.tooLarge(where + refused.getMessage())
                    : ProblemException.badRequest(where + refused.getMessage());
        } catch (LimitedInput.TooLarge e) {
            throw ProblemException.tooLarge("the file is larger than " + limits.maxBytes() + " bytes "
                    + "(switchboard.imports.max-file-bytes)");
        } catch (IOException e) {
            throw new UncheckedIOException("reading the upload failed", e);
        }
    }

    /** The delimiter of the header line: whichever of {@code , ; tab} it has most of outside quotes; a comma when none. */
    static byte detectDelimiter(byte[] head) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (byte b : head) {
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted && (b == '\n' || b == '\r')) {
                break;
            } else if (!quoted && b == ',') {
                commas++;
            } else if (!quoted && b == ';') {
                semicolons++;
            } else if (!quoted && b == '\t') {
                tabs++;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas && tabs > semicolons ? (byte) '\t' : (byte) ',';
    }

    private static void readCsv(Reader text, char delimiter, Collector collector) throws IOException {
        CSVFormat csv = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
        try (CSVParser parser = CSVParser.builder().setReader(text).setFormat(csv).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            long row = 0;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                        throw ProblemException.badRequest("row " + (row + 1) + ": bytes that are not UTF-8; the file must be UTF-8 text");
                    }
                    String reason = String.valueOf(e.getCause().getMessage());
                    throw ProblemException.badRequest("row " + (row + 1) + ": " + (reason.contains("EOF reached before encapsulated")
                            ? "a quoted cell is not closed before the end of the file" : "the CSV is malformed: " + reason));
                }
                row++;
                if (row == 1) {
                    collector.header(record.values());
                } else {
                    collector.csvRow(row, record.values());
                }
            }
        }
    }

    private static void readJsonLines(Reader text, Collector collector) throws IOException {
        BufferedReader lines = new BufferedReader(text);
        long row = 0;
        String line;
        while (true) {
            try {
                line = lines.readLine();
            } catch (java.nio.charset.CharacterCodingException e) {
                throw ProblemException.badRequest("row " + (row + 1) + ": bytes that are not UTF-8; the file must be UTF-8 text");
            }
            if (line == null) {
                break;
            }
            row++;
            collector.jsonRow(row, JsonLines.parse(line, row));
        }
    }

    /** Checks each row's cells, and keeps the columns, samples and preview. */
    private static final class Collector {

        private final long maxRows;
        private final int headerRows;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> names = new ArrayList<>();
        private final List<Set<String>> samples = new ArrayList<>();
        private final List<Map<String, String>> preview = new ArrayList<>();
        private long rows;

        Collector(long maxRows, int headerRows) {
            this.maxRows = maxRows;
            this.headerRows = headerRows;
        }

        void header(String[] cells) {
            for (int i = 0; i < cells.length; i++) {
                String name = cells[i].strip();
                if (name.isEmpty()) {
                    name = "(column " + (i + 1) + ")";
                }
                String where = "row 1, column " + (i + 1);
                checkName(name, where);
                Integer other = index.get(name);
                if (other != null) {
                    throw ProblemException.badRequest(where + ": " + Texts.quote(name) + " is also the name of column "
                            + (other + 1) + "; every column needs a name of its own");
                }
                column(name);
            }
        }

        void csvRow(long row, String[] cells) {
            count(row);
            Map<String, String> shown = rows <= ImportLimits.PREVIEW_ROWS ? new LinkedHashMap<>() : null;
            for (int i = 0; i < cells.length; i++) {
                String cell = cells[i];
                if (i >= names.size()) {
                    if (!cell.isBlank()) {
                        throw ProblemException.badRequest("row " + row + ", column " + (i + 1) + ": a value past the header's "
                                + names.size() + " columns");
                    }
                    continue;
                }
                checkCell(cell, row, i);
                keep(i, cell, shown);
            }
            if (shown != null) {
                preview.add(shown);
            }
        }

        void jsonRow(long row, Map<String, JsonValue> members) {
            count(row);
            Map<String, String> shown = rows <= ImportLimits.PREVIEW_ROWS ? new LinkedHashMap<>() : null;
            for (Map.Entry<String, JsonValue> member : members.entrySet()) {
                Integer at = index.get(member.getKey());
                if (at == null) {
                    checkName(member.getKey(), "row " + row + ", member " + Texts.quote(member.getKey()));
                    if (names.size() >= ImportLimits.MAX_COLUMNS) {
                        throw ProblemException.tooLarge("row " + row + ": the rows have more than " + ImportLimits.MAX_COLUMNS
                                + " members in all");
                    }
                    at = column(member.getKey());
                }
                keep(at, JsonLines.text(member.getValue()), shown);
            }
            if (shown != null) {
                preview.add(shown);
            }
        }

        private void count(long row) {
            rows++;
            if (rows > maxRows) {
                throw ProblemException.tooLarge("row " + row + ": the file has more than " + maxRows
                        + " rows (switchboard.imports.max-file-rows)");
            }
        }

        private int column(String name) {
            index.put(name, names.size());
            names.add(name);
            samples.add(new LinkedHashSet<>());
            return names.size() - 1;
        }

        private static void checkName(String name, String where) {
            if (name.length() > ImportLimits.MAX_COLUMN_NAME) {
                throw ProblemException.badRequest(where + ": a column name has at most " + ImportLimits.MAX_COLUMN_NAME
                        + " characters");
            }
            String unstorable = Texts.unstorable(name);
            if (unstorable != null) {
                throw ProblemException.badRequest(where + ": the name " + unstorable);
            }
        }

        private void checkCell(String cell, long row, int column) {
            if (cell.length() > ImportLimits.MAX_CELL) {
                throw ProblemException.badRequest("row " + row + ", column " + (column + 1) + " (" + Texts.quote(names.get(column))
                        + "): " + cell.length() + " characters; a cell has at most " + ImportLimits.MAX_CELL);
            }
            String unstorable = Texts.unstorable(cell);
            if (unstorable != null) {
                throw ProblemException.badRequest("row " + row + ", column " + (column + 1) + " (" + Texts.quote(names.get(column))
                        + "): the value " + unstorable);
            }
        }

        private void keep(int column, String value, Map<String, String> shown) {
            if (value == null || value.isBlank()) {
                return;
            }
            if (rows <= ImportLimits.SAMPLED_ROWS && samples.get(column).size() < ImportLimits.SAMPLES) {
                samples.get(column).add(cut(value.strip()));
            }
            if (shown != null) {
                shown.put(names.get(column), cut(value));
            }
        }

        List<Column> columns() {
            List<Column> columns = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                columns.add(new Column(names.get(i), List.copyOf(samples.get(i))));
            }
            return columns;
        }

        /** The preview rows, each with a cell per column (empty where the row has no value). */
        List<List<String>> preview() {
            List<List<String>> rowsShown = new ArrayList<>();
            for (Map<String, String> row : preview) {
                List<String> cells = new ArrayList<>();
                names.forEach(name -> cells.add(row.getOrDefault(name, "")));
                rowsShown.add(cells);
            }
            return rowsShown;
        }

        private static String cut(String value) {
            return value.length() <= ImportLimits.SAMPLE_LENGTH ? value : value.substring(0, ImportLimits.SAMPLE_LENGTH - 1) + "…";
        }
    }

    /** Bytes of whole rows on their way to the sink, cut into chunks of at least {@link ImportLimits#CHUNK_BYTES}. */
    private static final class Chunker {

        private final RowSplitter splitter;
        private final ChunkSink sink;
        private byte[] buffer = new byte[ImportLimits.CHUNK_BYTES + 64 * 1024];
        private int length;
        /** Rows ended before the buffer's first byte, and the buffer's rows so far. */
        private long rowsBefore;
        private int chunks;

        Chunker(RowSplitter splitter, ChunkSink sink) {
            this.splitter = splitter;
            this.sink = sink;
        }

        void accept(byte[] bytes, int offset, int count) {
            int end = splitter.accept(bytes, offset, count);
            append(bytes, offset, count);
            if (end >= 0) {
                int cut = length - (offset + count - end);
                if (cut >= ImportLimits.CHUNK_BYTES) {
                    // a row ended by a CR as the last byte read is counted, but lies past the cut
                    long rowsAtCut = splitter.rows() - (splitter.lineBreakPending() ? 1 : 0);
                    emit(cut, (int) (rowsAtCut - rowsBefore));
                    rowsBefore = rowsAtCut;
                }
            }
        }

        void finish() {
            splitter.finish();
            if (length > 0) {
                emit(length, (int) (splitter.rows() - rowsBefore));
            }
        }

        private void append(byte[] bytes, int offset, int count) {
            if (length + count > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
            }
            System.arraycopy(bytes, offset, buffer, length, count);
            length += count;
        }

        private void emit(int cut, int rows) {
            sink.chunk(chunks++, rowsBefore + 1, rows, buffer, cut);
            System.arraycopy(buffer, cut, buffer, 0, length - cut);
            length -= cut;
            if (buffer.length > 4 * ImportLimits.CHUNK_BYTES && length < ImportLimits.CHUNK_BYTES) {
                buffer = Arrays.copyOf(buffer, ImportLimits.CHUNK_BYTES + 64 * 1024);
            }
        }
    }

    /** Hands every byte read through it to the chunker, in order. */
    private static final class TeeInput extends FilterInputStream {

        private final Chunker chunker;

        TeeInput(InputStream in, Chunker chunker) {
            super(in);
            this.chunker = chunker;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int count) throws IOException {
            int read = in.read(bytes, offset, count);
            if (read > 0) {
                chunker.accept(bytes, offset, read);
            }
            return read;
        }

        @Override
        public long skip(long n) {
            throw new UnsupportedOperationException("an upload is read whole");
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** Counts the bytes of the upload and refuses one past its limit. */
    private static final class LimitedInput extends FilterInputStream {

        static final class TooLarge extends RuntimeException {
            private static final long serialVersionUID = 1L;
        }

        private final long max;
        private long count;

        LimitedInput(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++count > max) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int read = in.read(bytes, offset, length);
            if (read > 0) {
                count += read;
                if (count > max) {
                    throw new TooLarge();
                }
            }
            return read;
        }
    }
}
