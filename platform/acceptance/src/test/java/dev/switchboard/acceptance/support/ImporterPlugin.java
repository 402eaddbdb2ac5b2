package dev.switchboard.acceptance.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.imports.fixture.GeneratedContacts;
import dev.switchboard.acceptance.imports.fixture.GeneratedSource;
import dev.switchboard.acceptance.imports.fixture.WideImporter;
import dev.switchboard.acceptance.imports.fixture.WideSource;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.TestBundles;
import dev.switchboard.testkit.TestLocation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/** The test importer plugin (generated contacts, {@link GeneratedContacts}; many choices, {@link WideImporter}), and imports with it followed through the API. */
public final class ImporterPlugin {

    public static final String ID = "test.importer.plugin";
    public static final String IMPORTER = "test.generated";
    public static final String WIDE_IMPORTER = "test.wide";

    private ImporterPlugin() {
    }

    /** Installs the plugin unless it is active on the platform already. */
    public static void ensureInstalled(ApiClient api) {
        ApiClient.Response plugin = api.get("plugins/" + ID);
        if (plugin.status() == 200 && "ACTIVE".equals(plugin.json().get("state").asText())) {
            return;
        }
        ApiClient.Response installed = api.post("plugins", "application/java-archive",
                TestBundles.bundle(ID, "1.0.0", GeneratedContacts.class, GeneratedSource.class, WideImporter.class,
                WideSource.class));
        assertThat(installed.status()).as(installed.body()).isEqualTo(200);
    }

    /** Installs the next minor version of the plugin (the same classes) over the running one; returns that version. */
    public static String upgrade(ApiClient api) {
        String[] running = api.get("plugins/" + ID).json().get("version").asText().split("\\.");
        String next = running[0] + "." + (Integer.parseInt(running[1]) + 1) + ".0";
        ApiClient.Response installed = api.post("plugins", "application/java-archive",
                TestBundles.bundle(ID, next, GeneratedContacts.class, GeneratedSource.class, WideImporter.class,
                WideSource.class));
        assertThat(installed.status()).as(installed.body()).isEqualTo(200);
        return next;
    }

    /** Starts an import of generated contacts; returns the queued job. */
    public static JsonNode start(TestLocation location, Map<String, Object> source, String duplicates) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("importer", IMPORTER);
        body.put("source", source);
        body.put("duplicates", duplicates);
        ApiClient.Response started = location.api().postJson(location.path("imports"), body);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return started.json();
    }

    public static JsonNode job(TestLocation location, String jobId) {
        ApiClient.Response job = location.api().get(location.path("jobs/" + jobId));
        assertThat(job.status()).as(job.body()).isEqualTo(200);
        return job.json();
    }

    /** The job once {@code until} holds for it; fails after {@code within}. */
    public static JsonNode await(TestLocation location, String jobId, Duration within, Predicate<JsonNode> until) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            JsonNode job = job(location, jobId);
            if (until.test(job)) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + jobId + " not as expected within " + within + ": " + job);
            }
            Scenario.sleep(200);
        }
    }

    /** The job once it finished, whichever way. */
    public static JsonNode awaitFinished(TestLocation location, String jobId, Duration within) {
        return await(location, jobId, within, job -> Predicate.not(ImporterPlugin::unfinished).test(job));
    }

    private static boolean unfinished(JsonNode job) {
        String status = job.get("status").asText();
        return status.equals("QUEUED") || status.equals("RUNNING");
    }
}
