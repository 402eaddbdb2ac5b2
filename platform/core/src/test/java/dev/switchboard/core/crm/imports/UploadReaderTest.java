package dev.switchboard.core.crm.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.problems.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UploadReaderTest {

    private static final ImportLimits LIMITS = new ImportLimits(10_000_000, 1_000_000, Duration.ofHours(1));

    /** A chunk as stored. */
    private record Chunk(int seq, long firstRow, int rows, String text) {
    }

    @Test
    void aGoHighLevelExportIsReadWithItsHeaderSamplesAndPreview() {
        String csv = """
                "Contact Id","First Name","Last Name","Phone","Email","Business Name","Created","Last Activity","Tags"
                "c1","Ada","Lovelace","+14155550101","ada@example.com","Engines","2024-01-02T10:00:00Z","","lead,vip"
                "c2","Grace","Hopper","","grace@example.com","","2024-01-03T10:00:00Z","",""
                """;
        List<Chunk> chunks = new ArrayList<>();

        UploadReader.Summary summary = read(csv, ImportFileFormat.CSV, chunks);

        assertThat(summary.rows()).isEqualTo(2);
        assertThat(summary.delimiter()).isEqualTo(',');
        assertThat(summary.columns()).extracting(UploadReader.Column::name).containsExactly("Contact Id", "First Name",
                "Last Name", "Phone", "Email", "Business Name", "Created", "Last Activity", "Tags");
        assertThat(summary.columns().get(1).samples()).containsExactly("Ada", "Grace");
        assertThat(summary.columns().get(7).samples()).isEmpty();
        assertThat(summary.preview().get(0)).containsExactly("c1", "Ada", "Lovelace", "+14155550101", "ada@example.com",
                "Engines", "2024-01-02T10:00:00Z", "", "lead,vip");
        assertThat(chunks).singleElement().satisfies(chunk -> {
            assertThat(chunk.firstRow()).isEqualTo(1);
            assertThat(chunk.rows()).isEqualTo(3);
            assertThat(chunk.text()).isEqualTo(csv);
        });
    }

    @Test
    void theDelimiterIsFoundFromTheHeaderAndAByteOrderMarkIsDropped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String semicolons = "Vorname;Nachname;\"E-Mail; privat\"\nJürgen;Müller;j@example.de\n";
        List<Chunk> chunks = new ArrayList<>();
        UploadReader.Summary summary = UploadReader.read(new ByteArrayInputStream(concat(bom, semicolons.getBytes(StandardCharsets.UTF_8))),
                ImportFileFormat.CSV, LIMITS, sink(chunks));
        assertThat(summary.delimiter()).isEqualTo(';');
        assertThat(summary.columns()).extracting(UploadReader.Column::name).containsExactly("Vorname", "Nachname", "E-Mail; privat");
        assertThat(chunks.get(0).text()).isEqualTo(semicolons);
        assertThat(read("a\tb\tc\n1\t2\t3\n", ImportFileFormat.CSV, new ArrayList<>()).delimiter()).isEqualTo('\t');
        assertThat(read("name\nAda\n", ImportFileFormat.CSV, new ArrayList<>()).delimiter()).isEqualTo(',');
    }

    @Test
    void aLargeFileIsStoredInChunksOfWholeRowsNumberedFromTheirFirstRow() throws InterruptedException {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("name,notes,email\r\n");
        int rows = 30_000;
        for (int i = 0; i < rows; i++) {
            // quoted cells with line breaks, quotes and delimiters inside, CR LF line ends
            csv.append("\"Name ").append(i).append("\",\"line one\r\nline \"\"two\"\", ").append("x".repeat(random.nextInt(80)))
                    .append("\",person").append(i).append("@example.com\r\n");
        }
        List<Chunk> chunks = new ArrayList<>();

        UploadReader.Summary summary = read(csv.toString(), ImportFileFormat.CSV, chunks);

        assertThat(summary.rows()).isEqualTo(rows);
        assertThat(chunks).hasSizeGreaterThan(2);
        assertThat(String.join("", chunks.stream().map(Chunk::text).toList())).isEqualTo(csv.toString());
        long next = 1;
        for (Chunk chunk : chunks) {
            assertThat(chunk.firstRow()).isEqualTo(next);
            assertThat(chunk.text()).endsWith("\r\n");
            if (chunk.seq() < chunks.size() - 1) {
                assertThat(chunk.text().getBytes(StandardCharsets.UTF_8).length).isGreaterThanOrEqualTo(ImportLimits.CHUNK_BYTES);
            }
            next += chunk.rows();
        }
        assertThat(next - 1).isEqualTo(rows + 1);
        // each chunk reads alone: the rows it says it has, the first chunk's header among them
        for (Chunk chunk : chunks) {
            List<Long> numbers = new ArrayList<>();
            ImportFile file = new ImportFile(null, "x.csv", ImportFileFormat.CSV, ',', 0, rows, List.of(
                    new ImportFile.Column("name", List.of(), null), new ImportFile.Column("notes", List.of(), null),
                    new ImportFile.Column("email", List.of(), null)), List.of(), null, null, null);
            FileImportJob.rows(new ImportFiles.StoredChunk(chunk.seq(), chunk.firstRow(), chunk.rows(),
                    chunk.text().getBytes(StandardCharsets.UTF_8)), file, (row, values) -> {
                        numbers.add(row);
                        assertThat(values[2].toString()).isEqualTo("\"person" + (row - 2) + "@example.com\"");
                    });
            assertThat(numbers).hasSize(chunk.firstRow() == 1 ? chunk.rows() - 1 : chunk.rows());
        }
    }

    @Test
    void aChunkIsNeverCutBetweenTheCarriageReturnAndLineFeedOfOneLineBreak() {
        String row = "x".repeat(1000);
        StringBuilder csv = new StringBuilder("h\r\n");
        for (int i = 0; i < 3000; i++) {
            csv.append(row).append("\r\n");
        }
        // fed a byte at a time, so that a CR can be the last byte the splitter has seen
        List<Chunk> chunks = new ArrayList<>();
        UploadReader.Summary summary = UploadReader.read(new OneByteAtATime(csv.toString().getBytes(StandardCharsets.UTF_8)),
                ImportFileFormat.CSV, LIMITS, sink(chunks));
        assertThat(summary.rows()).isEqualTo(3000);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.text()).doesNotStartWith("\n").endsWith("\r\n"));
        assertThat(chunks.stream().mapToInt(Chunk::rows).sum()).isEqualTo(3001);
    }

    @Test
    void jsonLinesGiveTheirMembersAsColumnsAndCustomFieldsOneByOne() {
        String lines = """
                {"firstName": "Ada", "email": "ada@example.com", "tags": ["lead", "vip"], "customFields": {"plan": "gold"}}

                {"firstName": "Grace", "customFields": {"seats": 12}, "dnd": true}
                """;
        UploadReader.Summary summary = read(lines, ImportFileFormat.JSON_LINES, new ArrayList<>());
        assertThat(summary.rows()).isEqualTo(3);
        assertThat(summary.delimiter()).isNull();
        assertThat(summary.columns()).extracting(UploadReader.Column::name)
                .containsExactly("firstName", "email", "tags", "customFields.plan", "customFields.seats", "dnd");
        assertThat(summary.columns().get(2).samples()).containsExactly("lead, vip");
        assertThat(summary.preview().get(2)).containsExactly("Grace", "", "", "", "12", "true");
    }

    @Test
    void hostileFilesAreRefusedNamingTheRowAndColumn() {
        assertRefused("name,email\nAda,ada@example.com\nBob\u0000,b@example.com\n", 400, "row 3, column 1", "NUL");
        assertRefused("name,email\n\"Ada,ada@example.com\n", 400, "not closed");
        assertRefused("name,email\n\"Ada\"x,ada@example.com\n", 400, "row 2, column 1", "closing quote");
        assertRefused("name,name\nAda,Ada\n", 400, "row 1, column 2", "also the name of column 1");
        assertRefused("name,email\nAda,ada@example.com,extra\n", 400, "row 2, column 3", "past the header");
        assertRefused("name,email\n", 400, "no rows");
        assertRefused("", 400, "no rows");
        assertRefused("name\n" + "x".repeat(ImportLimits.MAX_CELL + 1) + "\n", 400, "row 2, column 1 ('name')", "at most 50000");
        assertRefused("name\n" + "x".repeat(4 * ImportLimits.MAX_CELL + 1) + "\n", 413, "row 2, column 1", "cell is longer");
        assertRefused(",".repeat(ImportLimits.MAX_COLUMNS) + "\n", 413, "row 1", "more than 1000 columns");
        byte[] latin1 = "name\nJürgen\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> UploadReader.read(new ByteArrayInputStream(latin1), ImportFileFormat.CSV, LIMITS, sink(new ArrayList<>())))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().detail()).contains("row 2").contains("not UTF-8");
                });
        byte[] surrogate = {'n', '\n', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'};
        assertThatThrownBy(() -> UploadReader.read(new ByteArrayInputStream(surrogate), ImportFileFormat.CSV, LIMITS, sink(new ArrayList<>())))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().detail()).contains("not UTF-8"));
        assertRefusedJson("{\"firstName\": \"Ada\"}\n[1, 2]\n", 400, "row 2", "JSON object");
        assertRefusedJson("{\"firstName\": \"Ada\"}\n{\"firstName\": \n", 400, "row 2", "not JSON");
        assertRefusedJson("{\"firstName\": \"A\\u0000da\"}\n", 400, "row 1, /firstName", "NUL");
    }

    @Test
    void aFileOverItsLimitsIsRefusedAsTooLarge() {
        ImportLimits small = new ImportLimits(100_000, 3, Duration.ofHours(1));
        assertThatThrownBy(() -> UploadReader.read(stream("name\n" + "Ada\n".repeat(500)), ImportFileFormat.CSV, small, sink(new ArrayList<>())))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(413);
                    assertThat(e.problem().detail()).contains("row 5").contains("more than 3 rows");
                });
        assertThatThrownBy(() -> UploadReader.read(stream("name\n" + "Ada Lovelace\n".repeat(100)), ImportFileFormat.CSV,
                new ImportLimits(1_000, 1_000, Duration.ofHours(1)), sink(new ArrayList<>())))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(413);
                    assertThat(e.problem().detail()).contains("larger than 1000 bytes");
                });
    }

    private static void assertRefused(String csv, int status, String... phrases) {
        assertThatThrownBy(() -> read(csv, ImportFileFormat.CSV, new ArrayList<>()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).as(e.problem().detail()).isEqualTo(status);
                    for (String phrase : phrases) {
                        assertThat(e.problem().detail()).contains(phrase);
                    }
                });
    }

    private static void assertRefusedJson(String lines, int status, String... phrases) {
        assertThatThrownBy(() -> read(lines, ImportFileFormat.JSON_LINES, new ArrayList<>()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).as(e.problem().detail()).isEqualTo(status);
                    for (String phrase : phrases) {
                        assertThat(e.problem().detail()).contains(phrase);
                    }
                });
    }

    private static UploadReader.Summary read(String text, ImportFileFormat format, List<Chunk> chunks) {
        return UploadReader.read(stream(text), format, LIMITS, sink(chunks));
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static UploadReader.ChunkSink sink(List<Chunk> chunks) {
        return (seq, firstRow, rows, data, length) -> chunks.add(new Chunk(seq, firstRow, rows,
                new String(data, 0, length, StandardCharsets.UTF_8)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    /** Hands out one byte per read, as a slow network may. */
    private static final class OneByteAtATime extends ByteArrayInputStream {

        OneByteAtATime(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] bytes, int offset, int length) {
            return super.read(bytes, offset, Math.min(1, length));
        }
    }
}
