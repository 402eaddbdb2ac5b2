package dev.switchboard.acceptance.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.TestLocation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Uploads files and imports them through the API ({@code …/import-files}, {@code …/imports {"file": …}}). */
public final class ImportFiles {

    public static final String CSV = "text/csv";
    public static final String JSON_LINES = "application/x-ndjson";

    private ImportFiles() {
    }

    /** Uploads a file; the answer as it came. */
    public static ApiClient.Response upload(TestLocation location, String name, String type, byte[] content) {
        return location.api().post(location.path("import-files?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)), type,
                content);
    }

    /** Uploads a CSV file that must be taken; the file as the API shows it. */
    public static JsonNode uploadCsv(TestLocation location, String name, String csv) {
        ApiClient.Response uploaded = upload(location, name, CSV, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        return uploaded.json();
    }

    /** Starts the import of a file ({@code mapping} null for the suggested one); the answer as it came. */
    public static ApiClient.Response start(TestLocation location, String fileId, Map<String, ?> mapping, String duplicates,
                                           List<String> tags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("file", fileId);
        if (mapping != null) {
            body.put("mapping", mapping);
        }
        if (duplicates != null) {
            body.put("duplicates", duplicates);
        }
        if (tags != null) {
            body.put("tags", tags);
        }
        return location.api().postJson(location.path("imports"), body);
    }

    /** Imports a file and waits for the import to finish; the finished job. */
    public static JsonNode importFile(TestLocation location, String fileId, Map<String, ?> mapping, String duplicates,
                                      List<String> tags, Duration within) {
        ApiClient.Response started = start(location, fileId, mapping, duplicates, tags);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("kind").asText()).isEqualTo("file-import");
        return ImporterPlugin.awaitFinished(location, started.json().get("id").asText(), within);
    }
}
