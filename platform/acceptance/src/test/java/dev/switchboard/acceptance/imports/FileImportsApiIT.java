package dev.switchboard.acceptance.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.ImportFiles;
import dev.switchboard.acceptance.support.ImporterPlugin;
import dev.switchboard.acceptance.support.OwnPlatform;
import dev.switchboard.acceptance.support.Problems;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Imports from uploaded files, through the API: a GoHighLevel export is read with a suggested mapping
 * and imported with its custom fields, tags and creation dates; bad rows are listed by row number; each
 * duplicate choice does what it says under each duplicate policy, rows of the file included; JSON lines
 * files; mappings and uploads that do not fit are refused naming what is wrong, and leave nothing
 * behind; another location's file is not found; a cancelled import keeps what it committed. (Resuming
 * after a crash: {@code FileImportCrashRecoveryIT}.)
 */
@ExtendWith(PlatformExtension.class)
class FileImportsApiIT {

    private static final Duration FINISHES_WITHIN = Duration.ofMinutes(3);
    private static final String GHL_EXPORT = "\uFEFF" + """
            "Contact Id","First Name","Last Name","Name","Phone","Email","Business Name","Created","Last Activity","Tags","Membership Plan","Seats"
            "k1","Ada","Lovelace","Ada Lovelace","(415) 555-0101","Ada@Example.com","Analytical Engines","2021-03-04T10:00:00Z","2024-01-01","lead,vip","gold","12"
            "k2","Grace","Hopper","","+1 202 555 0147","grace@example.com","","2022-05-06 08:30:00","","lead","silver",""
            "k3","Alan","Turing","","","alan@example.com","","","","","",""
            """;

    private static RunningPlatform platform;
    private static TestLocation location;

    @BeforeAll
    static void setUp(RunningPlatform runningPlatform, TestLocation testLocation) {
        platform = runningPlatform;
        location = testLocation;
        customField(location, "membership_plan", "Membership Plan", "singleOption", List.of("gold", "silver"));
        customField(location, "seats", "Seats", "number", List.of());
    }

    @Test
    void aGoHighLevelExportIsReadWithASuggestedMappingAndImportedWithItsCustomFieldsTagsAndDates() {
        JsonNode file = ImportFiles.uploadCsv(location, "ghl-export.csv", GHL_EXPORT);

        assertThat(file.get("name").asText()).isEqualTo("ghl-export.csv");
        assertThat(file.get("format").asText()).isEqualTo("csv");
        assertThat(file.get("delimiter").asText()).isEqualTo(",");
        assertThat(file.get("rows").asLong()).isEqualTo(3);
        assertThat(file.get("columns").get(1).get("name").asText()).isEqualTo("First Name");
        assertThat(file.get("columns").get(1).get("samples")).extracting(JsonNode::asText).containsExactly("Ada", "Grace", "Alan");
        Map<String, String> suggested = new LinkedHashMap<>();
        file.get("suggestedMapping").fields().forEachRemaining(entry -> suggested.put(entry.getKey(), entry.getValue().asText()));
        assertThat(suggested).containsExactly(Map.entry("First Name", "firstName"), Map.entry("Last Name", "lastName"),
                Map.entry("Name", "name"), Map.entry("Phone", "phone"), Map.entry("Email", "email"),
                Map.entry("Business Name", "companyName"), Map.entry("Created", "createdAt"), Map.entry("Tags", "tags"),
                Map.entry("Membership Plan", "customFields.membership_plan"), Map.entry("Seats", "customFields.seats"));
        assertThat(file.get("columns").get(0).has("suggested")).as("Contact Id goes nowhere").isFalse();
        assertThat(file.get("preview").get(1)).extracting(JsonNode::asText).startsWith("k2", "Grace", "Hopper", "");
        ApiClient.Response read = location.api().get(location.path("import-files/" + file.get("id").asText()));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("suggestedMapping")).isEqualTo(file.get("suggestedMapping"));

        JsonNode job = ImportFiles.importFile(location, file.get("id").asText(), null, "update", List.of("Spring Fair"),
                FINISHES_WITHIN);

        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.at("/progress/done").asLong()).isEqualTo(3);
        assertThat(job.at("/progress/total").asLong()).isEqualTo(3);
        assertThat(job.at("/result/created").asLong()).isEqualTo(3);
        JsonNode ada = onlyContact(location, "ada@example.com");
        assertThat(ada.get("firstName").asText()).isEqualTo("Ada");
        assertThat(ada.get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(ada.get("phone").asText()).isEqualTo("+14155550101");
        assertThat(ada.get("companyName").asText()).isEqualTo("Analytical Engines");
        assertThat(ada.get("createdAt").asText()).startsWith("2021-03-04T10:00");
        assertThat(ada.get("tags")).extracting(JsonNode::asText).containsExactly("lead", "vip", "spring fair");
        assertThat(ada.at("/customFields/membership_plan").asText()).isEqualTo("gold");
        assertThat(ada.at("/customFields/seats").asInt()).isEqualTo(12);
        JsonNode grace = onlyContact(location, "grace@example.com");
        assertThat(grace.get("name").asText()).as("derived from the first and last name").isEqualTo("Grace Hopper");
        assertThat(grace.get("createdAt").asText()).startsWith("2022-05-06T08:30");
        assertThat(grace.get("phone").asText()).isEqualTo("+12025550147");
        // the side tables of search and custom field filters hold the imported contacts as they hold the API's
        assertThat(location.api().get(location.path("contacts?query=4155550101")).json().get("items"))
                .extracting(item -> item.get("id").asText()).containsExactly(ada.get("id").asText());
        assertThat(location.api().get(location.path("contacts?query=lovelace")).json().get("items")).hasSize(1);
        assertThat(typedValues(ada.get("id").asText())).containsEntry("membership_plan", "gold").containsEntry("seats", "12");
        // recorded as created by the user who started the import
        String me = location.api().get("me").json().at("/user/id").asText();
        JsonNode timeline = location.api().get(location.path("contacts/" + ada.get("id").asText() + "/timeline")).json().get("items");
        assertThat(timeline).anySatisfy(item -> {
            assertThat(item.path("field").asText()).isEqualTo("created");
            assertThat(item.path("actorType").asText()).isEqualTo("USER");
            assertThat(item.path("actorId").asText()).isEqualTo(me);
        });
        JsonNode listed = location.api().get(location.path("jobs?kind=file-import&kind=import")).json().get("items");
        assertThat(listed).extracting(item -> item.get("id").asText()).contains(job.get("id").asText());
    }

    @Test
    void badRowsAreListedByTheirRowNumberAndTheGoodOnesImported() throws Exception {
        String domain = domain("bad-rows");
        String csv = "First Name,Email,Phone,Membership Plan\n"
                + "Good,one@" + domain + ",,gold\n"
                + "Bad email,not-an-email,,\n"
                + "Good,two@" + domain + ",,\n"
                + "Bad phone,three@" + domain + ",12,\n"
                + ",,,\n"
                + "Bad option,four@" + domain + ",,platinum\n"
                + ",,,silver\n"
                + "\"Good, quoted\",\"five@" + domain + "\",,\n";
        JsonNode file = ImportFiles.uploadCsv(location, "bad-rows.csv", csv);

        JsonNode job = ImportFiles.importFile(location, file.get("id").asText(), null, "update", null, FINISHES_WITHIN);

        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.at("/progress/done").asLong()).as("three contacts and the empty row").isEqualTo(4);
        assertThat(job.at("/progress/failed").asLong()).isEqualTo(4);
        assertThat(job.at("/result/created").asLong()).isEqualTo(3);
        assertThat(job.at("/result/blank").asLong()).isEqualTo(1);
        ApiClient.Response errors = location.api().get(location.path("imports/" + job.get("id").asText() + "/errors"));
        assertThat(errors.status()).as(errors.body()).isEqualTo(200);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(errors.body())).getRecords();
        assertThat(rows).extracting(row -> row.get("reference")).containsExactly("row 3", "row 5", "row 7", "row 8");
        assertThat(rows.get(0).get("reason")).contains("Email: 'not-an-email' is not an email address");
        assertThat(rows.get(1).get("reason")).contains("Phone: '12' is not a valid phone number");
        assertThat(rows.get(2).get("reason")).contains("Membership Plan").contains("'platinum' is not one of its options");
        assertThat(rows.get(3).get("reason")).contains("at least one of firstName, lastName, name, email, phone");
        assertThat(onlyContact(location, "five@" + domain).get("firstName").asText()).isEqualTo("Good, quoted");
    }

    @Test
    void eachDuplicateChoiceDoesWhatItSaysUnderEachPolicyRowsOfTheFileIncluded() throws Exception {
        // the existing contact A; rows: 2 matches A by email, 3 by phone, 5 repeats 4's email, 7 repeats 6's phone
        String csv = """
                First Name,Last Name,Email,Phone
                Row2,,a@dupes.test,+1 415 555 0102
                Row3,,b@dupes.test,+1 415 555 0101
                Row4,,c@dupes.test,
                Row5,Five,c@dupes.test,
                Row6,,,+1 415 555 0103
                Row7,,d@dupes.test,+1 415 555 0103
                """;
        // created, updated, skipped, contacts after
        Map<String, long[]> expected = new LinkedHashMap<>();
        // no duplicate policy, or the choice to create: every row is a contact of its own
        for (String key : List.of("none/skip", "none/update", "none/create", "email/create", "phone/create", "emailOrPhone/create")) {
            expected.put(key, new long[] {6, 0, 0, 7});
        }
        expected.put("email/skip", new long[] {4, 0, 2, 5});
        expected.put("email/update", new long[] {4, 2, 0, 5});
        expected.put("phone/skip", new long[] {4, 0, 2, 5});
        expected.put("phone/update", new long[] {4, 2, 0, 5});
        expected.put("emailOrPhone/skip", new long[] {2, 0, 4, 3});
        // row 2 moves A to phone …0102, so row 3's phone …0101 no longer matches anyone and is a new contact
        expected.put("emailOrPhone/update", new long[] {3, 3, 0, 4});

        for (Map.Entry<String, long[]> entry : expected.entrySet()) {
            String policy = entry.getKey().split("/")[0];
            String choice = entry.getKey().split("/")[1];
            TestLocation own = OwnPlatform.location(platform, "File duplicates " + entry.getKey());
            assertThat(own.api().patchJson(own.path("crm-settings"), Map.of("duplicatePolicy", policy)).status()).isEqualTo(200);
            ApiClient.Response existing = own.api().postJson(own.path("contacts"), Map.of("firstName", "Existing",
                    "email", "a@dupes.test", "phone", "+14155550101"));
            assertThat(existing.status()).as(existing.body()).isEqualTo(201);
            JsonNode file = ImportFiles.uploadCsv(own, "dupes.csv", csv);

            JsonNode job = ImportFiles.importFile(own, file.get("id").asText(), null, choice, null, FINISHES_WITHIN);

            long[] counts = entry.getValue();
            assertThat(job.get("status").asText()).as(entry.getKey() + " " + job).isEqualTo("SUCCEEDED");
            assertThat(List.of(job.at("/result/created").asLong(), job.at("/result/updated").asLong(),
                    job.at("/result/skipped").asLong())).as(entry.getKey() + " " + job)
                    .containsExactly(counts[0], counts[1], counts[2]);
            assertThat(own.api().get(own.path("contacts?limit=50")).json().get("items")).as(entry.getKey()).hasSize((int) counts[3]);
            JsonNode a = own.api().get(own.path("contacts/" + existing.json().get("id").asText())).json();
            if (entry.getKey().equals("email/update") || entry.getKey().equals("emailOrPhone/update")) {
                assertThat(a.get("firstName").asText()).as(entry.getKey()).isEqualTo("Row2");
                assertThat(a.get("phone").asText()).as(entry.getKey()).isEqualTo("+14155550102");
            } else if (entry.getKey().equals("phone/update")) {
                assertThat(a.get("firstName").asText()).as(entry.getKey()).isEqualTo("Row3");
                assertThat(a.get("email").asText()).as(entry.getKey()).isEqualTo("b@dupes.test");
            } else {
                assertThat(a.get("firstName").asText()).as(entry.getKey()).isEqualTo("Existing");
            }
            if (choice.equals("update") && !policy.equals("none")) {
                JsonNode timeline = own.api().get(own.path("contacts/" + a.get("id").asText() + "/timeline")).json().get("items");
                assertThat(timeline).as("the import's change is in the history, by the user")
                        .anySatisfy(item -> {
                            assertThat(item.path("field").asText()).isEqualTo("firstName");
                            assertThat(item.path("before").asText()).isEqualTo("Existing");
                            assertThat(item.path("actorType").asText()).isEqualTo("USER");
                        });
            }
            if (entry.getKey().equals("email/update")) {
                JsonNode c = onlyContact(own, "c@dupes.test");
                assertThat(c.get("firstName").asText()).as("row 5 updated the contact row 4 created").isEqualTo("Row5");
                assertThat(c.get("lastName").asText()).isEqualTo("Five");
            }
        }
    }

    @Test
    void aJsonLinesFileIsImportedWithTheContactApisMemberNames() {
        String domain = domain("lines");
        String lines = "{\"firstName\": \"Ada\", \"email\": \"ada@" + domain + "\", \"tags\": [\"Lead\", \"vip\"], "
                + "\"dnd\": true, \"favouriteColour\": \"green\", \"customFields\": {\"membership_plan\": \"gold\", \"seats\": 3}}\n"
                + "\n"
                + "{\"lastName\": \"Hopper\", \"phone\": \"+12025550188\", \"additionalEmails\": [\"grace@" + domain + "\"]}\n"
                + "{\"email\": \"bad\"}\n";
        ApiClient.Response uploaded = ImportFiles.upload(location, "people.jsonl", ImportFiles.JSON_LINES,
                lines.getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        JsonNode file = uploaded.json();
        assertThat(file.get("format").asText()).isEqualTo("jsonLines");
        assertThat(file.get("rows").asLong()).isEqualTo(4);
        assertThat(file.get("columns")).extracting(column -> column.get("name").asText()).containsExactly("firstName", "email",
                "tags", "dnd", "favouriteColour", "customFields.membership_plan", "customFields.seats", "lastName", "phone",
                "additionalEmails");
        assertThat(file.get("suggestedMapping").has("favouriteColour")).isFalse();

        JsonNode job = ImportFiles.importFile(location, file.get("id").asText(), null, "update", null, FINISHES_WITHIN);

        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.at("/result/created").asLong()).isEqualTo(2);
        assertThat(job.at("/result/blank").asLong()).isEqualTo(1);
        assertThat(job.at("/progress/failed").asLong()).isEqualTo(1);
        JsonNode ada = onlyContact(location, "ada@" + domain);
        assertThat(ada.get("tags")).extracting(JsonNode::asText).containsExactly("lead", "vip");
        assertThat(ada.get("dnd").asBoolean()).isTrue();
        assertThat(ada.at("/customFields/seats").asInt()).isEqualTo(3);
        JsonNode grace = onlyContact(location, "+12025550188");
        assertThat(grace.get("additionalEmails")).extracting(JsonNode::asText).containsExactly("grace@" + domain);
    }

    @Test
    void aMappingThatDoesNotFitIsRefusedNamingEachMistake() {
        String fileId = ImportFiles.uploadCsv(location, "mapping.csv", "First Name,E-mail,Email 2,Plan\nAda,a@map.test,b@map.test,x\n")
                .get("id").asText();
        String path = location.path("imports");

        Problems.assertFieldError(ImportFiles.start(location, fileId, Map.of("Nope", "email"), null, null), "/mapping/Nope",
                "no column");
        Problems.assertFieldError(ImportFiles.start(location, fileId, Map.of("First Name", "shoeSize"), null, null),
                "/mapping/First Name", "not a field");
        Problems.assertFieldError(ImportFiles.start(location, fileId, Map.of("Plan", "customFields.nothing"), null, null),
                "/mapping/Plan", "no contact custom field with key 'nothing'");
        Map<String, String> twice = new LinkedHashMap<>();
        twice.put("E-mail", "email");
        twice.put("Email 2", "email");
        Problems.assertFieldError(ImportFiles.start(location, fileId, twice, null, null), "/mapping/Email 2", "goes to email already");
        Problems.assertFieldError(ImportFiles.start(location, fileId, Map.of("Plan", "source"), null, null), "/mapping",
                "at least one of firstName");
        Problems.assertFieldError(ImportFiles.start(location, fileId, null, "merge", null), "/duplicates", "skip, update or create");
        Problems.assertFieldError(ImportFiles.start(location, fileId, null, null, List.of("ok", "not ok!")), "/tags/1", "letters");
        Problems.assertFieldError(location.api().postJson(path, Map.of("file", fileId, "importer", "x")), "/importer",
                "not a member");
        Problems.assertFieldError(location.api().postJson(path, Map.of("file", "not-an-id")), "/file", "not a file id");
        Map<String, Object> nulled = new HashMap<>();
        nulled.put("First Name", "firstName");
        nulled.put("Plan", null);
        ApiClient.Response started = ImportFiles.start(location, fileId, nulled, null, null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().at("/parameters/mapping").toString()).isEqualTo("{\"First Name\":\"firstName\"}");
    }

    @Test
    void hostileUploadsAreRefusedNamingTheRowAndColumnAndLeaveNothingBehind() throws Exception {
        long before = files();
        assertRefused(ImportFiles.upload(location, "nul.csv", ImportFiles.CSV, "name,email\nAda,a@x.test\nBob,b\u0000@x.test\n"
                .getBytes(StandardCharsets.UTF_8)), 400, "row 3, column 2", "NUL");
        assertRefused(ImportFiles.upload(location, "quotes.csv", ImportFiles.CSV, "name,email\n\"Ada\"x,a@x.test\n"
                .getBytes(StandardCharsets.UTF_8)), 400, "row 2, column 1", "closing quote");
        assertRefused(ImportFiles.upload(location, "open.csv", ImportFiles.CSV, "name,email\n\"Ada,a@x.test\n"
                .getBytes(StandardCharsets.UTF_8)), 400, "not closed");
        assertRefused(ImportFiles.upload(location, "latin1.csv", ImportFiles.CSV, "name\nJürgen\n".getBytes(StandardCharsets.ISO_8859_1)),
                400, "row 2", "not UTF-8");
        assertRefused(ImportFiles.upload(location, "dup.csv", ImportFiles.CSV, "email,Email ,email\n".getBytes(StandardCharsets.UTF_8)),
                400, "row 1, column 3", "also the name of column 1");
        ByteArrayOutputStream huge = new ByteArrayOutputStream();
        huge.writeBytes("name,notes\nAda,".getBytes(StandardCharsets.UTF_8));
        huge.writeBytes("x".repeat(300_000).getBytes(StandardCharsets.UTF_8));
        assertRefused(ImportFiles.upload(location, "huge.csv", ImportFiles.CSV, huge.toByteArray()), 413, "row 2, column 2",
                "cell is longer");
        assertRefused(ImportFiles.upload(location, "long.csv", ImportFiles.CSV, ("name\n" + "y".repeat(60_000) + "\n")
                .getBytes(StandardCharsets.UTF_8)), 400, "row 2, column 1 ('name')", "at most 50000");
        assertRefused(ImportFiles.upload(location, "wide.csv", ImportFiles.CSV, ("a" + ",a".repeat(1_000) + "\n")
                .getBytes(StandardCharsets.UTF_8)), 413, "row 1", "columns");
        assertRefused(ImportFiles.upload(location, "lines.jsonl", ImportFiles.JSON_LINES, "{\"email\": \"a@x.test\"}\n[1]\n"
                .getBytes(StandardCharsets.UTF_8)), 400, "row 2", "JSON object");
        assertRefused(ImportFiles.upload(location, "latin1.csv", "text/csv; charset=iso-8859-1", "name\nAda\n"
                .getBytes(StandardCharsets.ISO_8859_1)), 415, "UTF-8");
        assertThat(ImportFiles.upload(location, "x.json", "application/json", "{}".getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(415);
        assertThat(files()).as("nothing of a refused file is kept").isEqualTo(before);
    }

    @Test
    void anotherLocationsFileIsNotFound() {
        JsonNode file = ImportFiles.uploadCsv(location, "mine.csv", "Email\nmine@x.test\n");
        TestLocation other = OwnPlatform.location(platform, "Another location's files");
        String id = file.get("id").asText();

        Problems.assertProblem(other.api().get(other.path("import-files/" + id)), 404, "does not exist");
        Problems.assertProblem(other.api().delete(other.path("import-files/" + id)), 404, "does not exist");
        ApiClient.Response start = ImportFiles.start(other, id, null, null, null);
        Problems.assertProblem(start, 404, "does not exist");
        assertThat(start.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/file");
        Problems.assertProblem(other.api().get(other.path("import-files/not-an-id")), 404, "does not exist");
        assertThat(location.api().get(location.path("import-files/" + id)).status()).as("still there for its own").isEqualTo(200);

        assertThat(location.api().delete(location.path("import-files/" + id)).status()).isEqualTo(204);
        Problems.assertProblem(location.api().get(location.path("import-files/" + id)), 404, "does not exist");
    }

    @Test
    void aCancelledImportStopsBetweenBatchesAndKeepsWhatItImported() throws Exception {
        TestLocation own = OwnPlatform.location(platform, "Cancelled file import");
        StringBuilder csv = new StringBuilder("Email,First Name\n");
        int rows = 200_000;
        for (int i = 0; i < rows; i++) {
            csv.append("p").append(i).append("@cancel.test,P").append(i).append('\n');
        }
        String fileId = ImportFiles.uploadCsv(own, "many.csv", csv.toString()).get("id").asText();
        ApiClient.Response started = ImportFiles.start(own, fileId, null, "create", null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asText();
        ImporterPlugin.await(own, id, FINISHES_WITHIN, job -> job.at("/progress/done").asLong() > 0);

        Problems.assertProblem(own.api().delete(own.path("import-files/" + fileId)), 409, "is using the file");
        ApiClient.Response cancel = own.api().postJson(own.path("jobs/" + id + "/cancel"), Map.of());
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        JsonNode cancelled = ImporterPlugin.awaitFinished(own, id, FINISHES_WITHIN);

        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        long done = cancelled.at("/progress/done").asLong();
        assertThat(done).isBetween(1L, rows - 1L);
        assertThat(cancelled.at("/result/created").asLong()).isEqualTo(done);
        try (Connection database = platform.database(UUID.fromString(own.id()))) {
            assertThat(count(database, "SELECT count(*) FROM contact WHERE email LIKE '%@cancel.test'")).isEqualTo(done);
        }
        assertThat(own.api().delete(own.path("import-files/" + fileId)).status()).isEqualTo(204);
    }

    private static void assertRefused(ApiClient.Response response, int status, String... phrases) {
        Problems.assertProblem(response, status, phrases[0]);
        for (String phrase : phrases) {
            assertThat(response.json().get("detail").asText()).contains(phrase);
        }
    }

    private static JsonNode onlyContact(TestLocation in, String query) {
        JsonNode items = in.api().get(in.path("contacts?query=" + query.replace("+", "%2B"))).json().get("items");
        assertThat(items).as(query).hasSize(1);
        return in.api().get(in.path("contacts/" + items.get(0).get("id").asText())).json();
    }

    private static Map<String, String> typedValues(String contactId) {
        Map<String, String> values = new HashMap<>();
        try (Connection database = platform.database(UUID.fromString(location.id()));
             PreparedStatement typed = database.prepareStatement("""
                     SELECT f.field_key, coalesce(v.text_value, v.number_value::text, v.date_value::text, v.bool_value::text)
                     FROM custom_field_value v JOIN custom_field f ON f.id = v.field_id WHERE v.owner_id = ?""")) {
            typed.setObject(1, UUID.fromString(contactId));
            try (ResultSet row = typed.executeQuery()) {
                while (row.next()) {
                    values.put(row.getString(1), row.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    private static long files() throws SQLException {
        try (Connection database = platform.database(UUID.fromString(location.id()))) {
            return count(database, "SELECT (SELECT count(*) FROM import_file) + (SELECT count(*) FROM import_file_chunk)");
        }
    }

    private static long count(Connection database, String sql) throws SQLException {
        try (PreparedStatement statement = database.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void customField(TestLocation in, String key, String name, String type, List<String> options) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("key", key);
        field.put("name", name);
        field.put("type", type);
        if (!options.isEmpty()) {
            field.put("options", new ArrayList<>(options));
        }
        ApiClient.Response created = in.api().postJson(in.path("custom-fields?model=contact"), field);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static String domain(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
    }
}
