package dev.switchboard.acceptance.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.ImporterPlugin;
import dev.switchboard.acceptance.support.OwnPlatform;
import dev.switchboard.acceptance.support.Problems;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Imports by a plugin's importer, through the API: a few thousand contacts with faults mixed in end
 * with the right counts and their bad rows in the errors CSV; each duplicate choice does what it says;
 * a cancelled import stops; an importer that throws fails its own job only; another location sees none
 * of it. (Resuming after a crash: {@code ImportCrashRecoveryIT}.)
 */
@ExtendWith(PlatformExtension.class)
class ImportsApiIT {

    private static final Duration FINISHES_WITHIN = Duration.ofMinutes(3);

    private static RunningPlatform platform;
    private static TestLocation location;

    @BeforeAll
    static void setUp(RunningPlatform runningPlatform, TestLocation testLocation) {
        platform = runningPlatform;
        location = testLocation;
        ImporterPlugin.ensureInstalled(location.api());
    }

    @Test
    void theLocationsImportersAreListedWithTheSchemaOfTheirChoices() {
        ApiClient.Response importers = location.api().get(location.path("importers"));

        assertThat(importers.status()).as(importers.body()).isEqualTo(200);
        JsonNode generated = null;
        for (JsonNode importer : importers.json()) {
            if (importer.get("id").asText().equals(ImporterPlugin.IMPORTER)) {
                generated = importer;
            }
        }
        assertThat(generated).as(importers.body()).isNotNull();
        assertThat(generated.get("name").asText()).isEqualTo("Generated contacts");
        assertThat(generated.get("pluginId").asText()).isEqualTo(ImporterPlugin.ID);
        assertThat(generated.at("/source/properties/count/type").asText()).isEqualTo("integer");
        assertThat(generated.at("/source/properties/since/format").asText()).isEqualTo("date");
        assertThat(generated.at("/source/required").toString()).contains("count", "domain");
    }

    @Test
    void anImportThatDoesNotFitIsRefusedNamingTheField() {
        String path = location.path("imports");
        Problems.assertFieldError(location.api().postJson(path, Map.of("importer", ImporterPlugin.IMPORTER,
                "source", Map.of("count", 10, "domain", "fit.test", "since", "last tuesday"))), "/source/since", "date");
        Problems.assertFieldError(location.api().postJson(path, Map.of("importer", ImporterPlugin.IMPORTER,
                "source", Map.of("domain", "fit.test"))), "/source/count", "count");
        Problems.assertFieldError(location.api().postJson(path, Map.of("importer", ImporterPlugin.IMPORTER,
                "source", Map.of("count", 10, "domain", "fit.test", "colour", "red"))), "/source/colour", "not a choice");
        Problems.assertFieldError(location.api().postJson(path, Map.of("importer", "nobody.nothing",
                "source", Map.of())), "/importer", "no importer");
        Problems.assertFieldError(location.api().postJson(path, Map.of("importer", ImporterPlugin.IMPORTER,
                "source", Map.of("count", 10, "domain", "fit.test"), "duplicates", "merge")), "/duplicates", "skip, update or create");
    }

    @Test
    void anImportWhoseChoicesTogetherAreTooLargeIsRefusedNamingTheSource() {
        Map<String, Object> source = new HashMap<>();
        for (int i = 1; i <= 20; i++) {
            source.put("part" + i, "x".repeat(4096));
        }

        ApiClient.Response refused = location.api().postJson(location.path("imports"),
                Map.of("importer", ImporterPlugin.WIDE_IMPORTER, "source", source));

        Problems.assertFieldError(refused, "/source", "at most 65536");
    }

    @Test
    void threeThousandContactsAreImportedWithTheirBadRowsListedAsCsv() throws Exception {
        int count = 3000;
        String domain = "bulk-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        JsonNode queued = ImporterPlugin.start(location, Map.of("count", count, "domain", domain, "pageSize", 250,
                "badEmailEvery", 100, "unknownFieldEvery", 101, "rejectEvery", 97), "update");
        assertThat(queued.get("kind").asText()).isEqualTo("import");

        JsonNode job = ImporterPlugin.awaitFinished(location, queued.get("id").asText(), FINISHES_WITHIN);

        int bad = faulty(count, 100);
        int unknown = faulty(count, 101);
        int rejected = faulty(count, 97);
        int good = count - bad - unknown - rejected;
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.at("/progress/done").asLong()).isEqualTo(good);
        assertThat(job.at("/progress/failed").asLong()).isEqualTo(bad + unknown + rejected);
        assertThat(job.at("/progress/total").asLong()).isEqualTo(count);
        assertThat(job.at("/progress/ratePerSecond").asDouble()).isPositive();
        assertThat(job.at("/result/created").asLong()).isEqualTo(good);
        assertThat(contacts(domain)).isEqualTo(good);

        ApiClient.Response errors = location.api().get(location.path("imports/" + job.get("id").asText() + "/errors"));
        assertThat(errors.status()).as(errors.body()).isEqualTo(200);
        assertThat(errors.contentType()).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(errors.body())).getRecords();
        Map<String, String> reasons = new HashMap<>();
        rows.forEach(row -> reasons.put(row.get("reference"), row.get("reason")));
        assertThat(rows).hasSize(bad + unknown + rejected);
        assertThat(reasons.get("gen-99")).containsIgnoringCase("email");
        assertThat(reasons.get("gen-100")).contains("no_such_field");
        assertThat(reasons.get("gen-96")).contains("neither a name nor an email");
    }

    @Test
    void eachDuplicateChoiceSkipsUpdatesOrCreates(RunningPlatform runningPlatform) throws Exception {
        TestLocation own = OwnPlatform.location(runningPlatform, "Imports with duplicates");
        assertThat(own.api().patchJson(own.path("crm-settings"), Map.of("duplicatePolicy", "email")).status()).isEqualTo(200);
        String domain = "dupes-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        Map<String, Object> source = Map.of("count", 200, "domain", domain, "pageSize", 50);

        JsonNode first = finished(own, ImporterPlugin.start(own, source, "update"));
        JsonNode skipped = finished(own, ImporterPlugin.start(own, source, "skip"));
        JsonNode updated = finished(own, ImporterPlugin.start(own, source, "update"));
        JsonNode created = finished(own, ImporterPlugin.start(own, source, "create"));

        assertResult(first, 200, 0, 0);
        assertResult(skipped, 0, 0, 200);
        assertResult(updated, 0, 200, 0);
        assertResult(created, 200, 0, 0);
        try (Connection database = platform.database()) {
            assertThat(count(database, "SELECT count(*) FROM contact WHERE location_id = ?::uuid AND email LIKE ?",
                    own.id(), "%@" + domain)).isEqualTo(400);
            assertThat(count(database, "SELECT count(DISTINCT email) FROM contact WHERE location_id = ?::uuid AND email LIKE ?",
                    own.id(), "%@" + domain)).isEqualTo(200);
        }
    }

    @Test
    void aCancelledImportStopsAndKeepsWhatItImported() throws Exception {
        String domain = "cancel-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        String id = ImporterPlugin.start(location, Map.of("count", 5000, "domain", domain, "pageSize", 50,
                "pauseMillis", 200), "update").get("id").asText();
        ImporterPlugin.await(location, id, FINISHES_WITHIN, job -> job.at("/progress/done").asLong() >= 100);
        JsonNode running = ImporterPlugin.job(location, id);
        assertThat(running.get("status").asText()).isEqualTo("RUNNING");
        assertThat(running.at("/progress/secondsLeft").asLong()).isPositive();
        assertThat(running.get("node").asText()).isNotBlank();

        ApiClient.Response cancel = location.api().postJson(location.path("jobs/" + id + "/cancel"), Map.of());
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        assertThat(cancel.json().get("cancelRequested").asBoolean()).isTrue();
        JsonNode cancelled = ImporterPlugin.awaitFinished(location, id, Duration.ofSeconds(30));

        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        long done = cancelled.at("/progress/done").asLong();
        assertThat(done).isBetween(100L, 4999L);
        Scenario.sleep(1500);
        assertThat(contacts(domain)).isEqualTo(done);
        Problems.assertProblem(location.api().postJson(location.path("jobs/" + first(location, "SUCCEEDED") + "/cancel"),
                Map.of()), 409, "only a queued or running job");
    }

    @Test
    void anImportWhosePluginIsUpdatedMeanwhileCarriesOnWithTheNewVersionFromItsCheckpoint() throws Exception {
        String domain = "swapped-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        // every page has rows the importer rejects; the page stopped by the update is read again on the new version
        String id = ImporterPlugin.start(location, Map.of("count", 1500, "domain", domain, "pageSize", 50,
                "pauseMillis", 100, "rejectEvery", 7), "create").get("id").asText();
        int rejected = faulty(1500, 7);
        int good = 1500 - rejected;
        ImporterPlugin.await(location, id, FINISHES_WITHIN, job -> job.at("/progress/done").asLong() >= 200);

        String version = ImporterPlugin.upgrade(location.api());

        JsonNode job = ImporterPlugin.awaitFinished(location, id, FINISHES_WITHIN);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.at("/progress/done").asLong()).isEqualTo(good);
        assertThat(job.at("/progress/failed").asLong()).as("no rejection counted twice").isEqualTo(rejected);
        assertThat(job.at("/result/created").asLong()).isEqualTo(good);
        ApiClient.Response errors = location.api().get(location.path("imports/" + id + "/errors"));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(errors.body())).getRecords();
        assertThat(rows.stream().map(row -> row.get("reference")).toList()).as("no rejection listed twice")
                .hasSize(rejected).doesNotHaveDuplicates();
        assertThat(location.api().get("plugins/" + ImporterPlugin.ID).json().get("version").asText()).isEqualTo(version);
        assertThat(platform.log()).as("the run on the old version stopped and the job went back to the queue")
                .contains("Background job " + id + " (import) goes back to the queue: plugin " + ImporterPlugin.ID
                        + " was updated or removed during the import");
        try (Connection database = platform.database()) {
            assertThat(count(database, "SELECT count(DISTINCT email) FROM contact WHERE location_id = ?::uuid AND email LIKE ?",
                    location.id(), "%@" + domain)).as("no page imported twice").isEqualTo(good);
        }
        assertThat(contacts(domain)).isEqualTo(good);
    }

    @Test
    void anImporterThatThrowsFailsItsOwnJobOnly() {
        String domain = "broken-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        String broken = ImporterPlugin.start(location, Map.of("count", 1000, "domain", domain, "pageSize", 50,
                "failAfterPages", 2), "update").get("id").asText();
        String healthy = ImporterPlugin.start(location, Map.of("count", 300, "domain", "healthy-" + domain, "pageSize", 50),
                "update").get("id").asText();

        JsonNode failed = ImporterPlugin.awaitFinished(location, broken, FINISHES_WITHIN);
        JsonNode succeeded = ImporterPlugin.awaitFinished(location, healthy, FINISHES_WITHIN);

        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("error").asText()).contains("the generator broke after 2 pages");
        assertThat(failed.at("/progress/done").asLong()).as("the pages before stay").isEqualTo(100);
        assertThat(succeeded.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(succeeded.at("/progress/done").asLong()).isEqualTo(300);
    }

    @Test
    void aLocationWithTwoLongImportsLeavesAWorkerForAnotherLocationsImport(RunningPlatform runningPlatform) {
        TestLocation busy = OwnPlatform.location(runningPlatform, "Imports that take long");
        TestLocation other = OwnPlatform.location(runningPlatform, "Imports that wait");
        String domain = "busy-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        Map<String, Object> slow = Map.of("count", 4000, "domain", domain, "pageSize", 50, "pauseMillis", 200);
        String first = ImporterPlugin.start(busy, slow, "update").get("id").asText();
        String second = ImporterPlugin.start(busy, slow, "update").get("id").asText();
        ImporterPlugin.await(busy, first, FINISHES_WITHIN, job -> job.get("status").asText().equals("RUNNING"));

        String small = ImporterPlugin.start(other, Map.of("count", 10, "domain", "other-" + domain), "update").get("id").asText();
        JsonNode done = ImporterPlugin.awaitFinished(other, small, Duration.ofSeconds(30));

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(ImporterPlugin.job(busy, first).get("status").asText()).as("still importing").isEqualTo("RUNNING");
        assertThat(ImporterPlugin.job(busy, second).get("status").asText())
                .as("a location runs at most half the workers (two by default)").isEqualTo("QUEUED");
        for (String id : List.of(first, second)) {
            assertThat(busy.api().postJson(busy.path("jobs/" + id + "/cancel"), Map.of()).status()).isEqualTo(200);
        }
        ImporterPlugin.awaitFinished(busy, first, Duration.ofSeconds(30));
    }

    @Test
    void anotherLocationCanNeitherSeeNorCancelTheJob(RunningPlatform runningPlatform) {
        String domain = "private-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        String id = ImporterPlugin.start(location, Map.of("count", 10, "domain", domain), "update").get("id").asText();
        TestLocation other = OwnPlatform.location(runningPlatform, "Imports elsewhere");

        Problems.assertProblem(other.api().get(other.path("jobs/" + id)), 404, "job");
        Problems.assertProblem(other.api().postJson(other.path("jobs/" + id + "/cancel"), Map.of()), 404, "job");
        Problems.assertProblem(other.api().get(other.path("imports/" + id + "/errors")), 404, "import");
        assertThat(other.api().get(other.path("jobs")).body()).doesNotContain(id);
        assertThat(location.api().get(location.path("jobs?kind=import")).body()).contains(id);
        assertThat(ImporterPlugin.awaitFinished(location, id, FINISHES_WITHIN).get("status").asText()).isEqualTo("SUCCEEDED");
    }

    private static void assertResult(JsonNode job, long created, long updated, long skipped) {
        assertThat(job.at("/result/created").asLong()).as(job.toString()).isEqualTo(created);
        assertThat(job.at("/result/updated").asLong()).as(job.toString()).isEqualTo(updated);
        assertThat(job.at("/result/skipped").asLong()).as(job.toString()).isEqualTo(skipped);
    }

    private static JsonNode finished(TestLocation in, JsonNode queued) {
        JsonNode job = ImporterPlugin.awaitFinished(in, queued.get("id").asText(), FINISHES_WITHIN);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        return job;
    }

    private static String first(TestLocation in, String status) {
        for (JsonNode job : in.api().get(in.path("jobs?limit=100")).json().get("items")) {
            if (job.get("status").asText().equals(status)) {
                return job.get("id").asText();
            }
        }
        ImporterPlugin.awaitFinished(in, ImporterPlugin.start(in, Map.of("count", 1, "domain", "one.test"), "update")
                .get("id").asText(), FINISHES_WITHIN);
        return first(in, status);
    }

    /** Records among {@code count} that the fixture makes faulty every {@code n}-th. */
    private static int faulty(int count, int n) {
        int faulty = 0;
        for (int i = 0; i < count; i++) {
            if (i % n == n - 1) {
                faulty++;
            }
        }
        return faulty;
    }

    private static long contacts(String domain) throws SQLException {
        try (Connection database = platform.database()) {
            return count(database, "SELECT count(*) FROM contact WHERE location_id = ?::uuid AND email LIKE ?",
                    location.id(), "%@" + domain);
        }
    }

    private static long count(Connection database, String sql, String... params) throws SQLException {
        try (PreparedStatement statement = database.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setString(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
