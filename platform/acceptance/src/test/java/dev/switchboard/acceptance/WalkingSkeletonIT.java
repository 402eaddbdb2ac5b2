package dev.switchboard.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The walking skeleton, as a user meets it: a platform started by its launcher on embedded
 * PostgreSQL, driven through the HTTP API, sending through a real SMTP server (GreenMail).
 * The steps build on each other, in order.
 */
@ExtendWith(PlatformExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {

    private static final String EMAIL_PLUGIN = "dev.switchboard.plugins.email";
    private static final String WORKFLOW = "welcome-new-lead";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static RunningPlatform platform;
    private static ApiClient api;
    private static String location;

    @BeforeAll
    static void logIn(RunningPlatform running) {
        platform = running;
        api = platform.admin();
        location = api.get("me").json().get("locations").get(0).get("id").asText();
    }

    @Test
    @Order(10)
    void callsWithoutValidTokenAreRefusedAsProblems() {
        Response anonymous = ApiClient.anonymous(platform.baseUri()).get("plugins");
        Response forged = api.withToken("not-a-token").get("plugins");
        Response wrongPassword = ApiClient.anonymous(platform.baseUri())
                .postJson("auth/login", Map.of("email", platform.adminEmail(), "password", "wrong"));
        Response unknownUser = ApiClient.anonymous(platform.baseUri())
                .postJson("auth/login", Map.of("email", "nobody@example.com", "password", "wrong"));

        for (Response response : List.of(anonymous, forged, wrongPassword, unknownUser)) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.isProblem()).as(response.toString()).isTrue();
        }
        assertThat(ApiClient.anonymous(platform.baseUri()).get("health").status()).isEqualTo(200);
    }

    @Test
    @Order(15)
    void loggingOutRevokesTheToken() {
        ApiClient session = platform.admin();
        assertThat(session.get("me").status()).isEqualTo(200);

        assertThat(session.post("auth/logout", "application/json", new byte[0]).status()).isEqualTo(204);

        assertThat(session.get("me").status()).isEqualTo(401);
        assertThat(api.get("me").status()).as("other sessions stay valid").isEqualTo(200);
    }

    @Test
    @Order(20)
    void invalidPluginUploadsAreRefusedAndChangeNothing() throws IOException {
        Response notAJar = api.post("plugins", "application/java-archive", "hello".getBytes(StandardCharsets.UTF_8));
        Response empty = api.post("plugins", "application/java-archive", new byte[0]);
        Response plainJar = api.post("plugins", "application/java-archive", plainJar());

        assertProblem(notAJar, 400, "not a jar");
        assertProblem(empty, 400, "empty");
        assertProblem(plainJar, 400, "not an OSGi bundle");
        assertThat(api.get("plugins").json()).isEmpty();
    }

    @Test
    @Order(30)
    void installingTheEmailPluginMakesItActiveWithItsAction() throws IOException {
        Response installed = api.post("plugins", "application/java-archive", plugin("email.plugin.v1"));

        assertThat(installed.status()).as(installed.body()).isEqualTo(200);
        JsonNode listed = api.get("plugins").json().get(0);
        assertThat(listed.get("id").asText()).isEqualTo(EMAIL_PLUGIN);
        assertThat(listed.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(listed.get("version").asText()).isEqualTo("1.0.0");
        assertThat(listed.get("actions").get(0).get("id").asText()).isEqualTo("email.send");
    }

    @Test
    @Order(40)
    void pluginSettingsKeepThePasswordEncryptedAndNeverReturnIt() throws Exception {
        Response invalid = api.putJson(settingsPath(), Map.of("host", "localhost", "port", "not-a-port"));
        assertProblem(invalid, 400, "port");

        Response saved = api.putJson(settingsPath(), Map.of("host", "localhost", "port", SMTP.getSmtp().getPort(),
                "from", "hello@agency.test", "password", "smtp-s3cret"));

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).doesNotContain("smtp-s3cret");
        assertThat(saved.json().get("secretsSet").get(0).asText()).isEqualTo("password");
        assertThat(storedSecretColumn()).startsWith("{\"password\": \"v1:").doesNotContain("smtp-s3cret");
    }

    @Test
    @Order(50)
    void invalidWorkflowsAreRefusedWithTheReason() throws IOException {
        assertProblem(deploy(fixture("invalid")), 400, "nowhere");
        assertProblem(deploy(fixture("xxe")), 400, "DOCTYPE");
        assertProblem(deploy(fixture("unknown-action")), 400, "fax.send");
        assertProblem(deploy("<definitions"), 400, "well-formed");
        assertThat(api.get(locationPath("workflows")).json()).isEmpty();
    }

    @Test
    @Order(60)
    void taggedLeadReceivesTheMergedWelcomeEmail() throws Exception {
        Response deployed = deploy(Files.readString(Path.of(System.getProperty("bpmn.templates"), WORKFLOW + ".bpmn20.xml")));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
        assertThat(deployed.json().get("version").asInt()).isEqualTo(1);

        MimeMessage message = tagNewLeadAndReceive("Ada", "ada@example.com");

        assertThat(message.getSubject()).isEqualTo("Hello Ada");
        assertThat(message.getHeader("X-Switchboard-Mailer")[0]).isEqualTo("switchboard-email/1.0.0");
        assertThat(message.getFrom()[0].toString()).isEqualTo("hello@agency.test");
        assertThat(((String) message.getContent()).replace("\r\n", "\n"))
                .startsWith("Hi Ada,\n\nthanks for your interest in Main location.");
        JsonNode run = completedRunOf("ada@example.com");
        JsonNode sendStep = step(run, "sendWelcome");
        assertThat(sendStep.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(sendStep.get("pluginVersion").asText()).isEqualTo("1.0.0");
        assertThat(sendStep.get("summary").asText()).isEqualTo("sent to ada@example.com");
        assertThat(StreamSupport.stream(run.get("steps").spliterator(), false).map(s -> s.get("activityId").asText()))
                .containsExactly("tagLeadAdded", "sendWelcome", "done");
    }

    @Test
    @Order(70)
    void hotSwappedPluginHandlesTheNextRunWithoutRedeploy() throws Exception {
        Response swapped = api.post("plugins", "application/java-archive", plugin("email.plugin.v2"));
        assertThat(swapped.status()).as(swapped.body()).isEqualTo(200);
        assertThat(api.get("plugins/" + EMAIL_PLUGIN).json().get("version").asText()).isEqualTo("2.0.0");

        MimeMessage message = tagNewLeadAndReceive("Grace", "grace@example.com");

        assertThat(message.getSubject()).isEqualTo("Hello Grace");
        assertThat(message.getHeader("X-Switchboard-Mailer")[0]).isEqualTo("switchboard-email/2.0.0");
        assertThat(step(completedRunOf("grace@example.com"), "sendWelcome").get("pluginVersion").asText()).isEqualTo("2.0.0");
        assertThat(api.get(locationPath("workflows/" + WORKFLOW)).json().get("version").asInt()).isEqualTo(1);
    }

    @Test
    @Order(80)
    void aFailedSwapKeepsTheRunningVersion() throws Exception {
        Response notAJar = api.post("plugins", "application/java-archive", "PK-not-really".getBytes(StandardCharsets.UTF_8));
        Response doesNotResolve = api.post("plugins", "application/java-archive",
                bundle(EMAIL_PLUGIN, "3.0.0", "com.example.missing"));

        assertProblem(notAJar, 400, "jar");
        assertProblem(doesNotResolve, 400, "com.example.missing");
        JsonNode plugin = api.get("plugins/" + EMAIL_PLUGIN).json();
        assertThat(plugin.get("version").asText()).isEqualTo("2.0.0");
        assertThat(plugin.get("state").asText()).isEqualTo("ACTIVE");
        MimeMessage message = tagNewLeadAndReceive("Barbara", "barbara@example.com");
        assertThat(message.getHeader("X-Switchboard-Mailer")[0]).isEqualTo("switchboard-email/2.0.0");
    }

    @Test
    @Order(85)
    void aFailingStepIsRetriedAndTheRunShowsWhy() throws Exception {
        int smtpPort = SMTP.getSmtp().getPort();
        api.putJson(settingsPath(), Map.of("host", "127.0.0.1", "port", unusedPort(), "from", "hello@agency.test"));
        try {
            Response contact = api.postJson(locationPath("contacts"), Map.of("firstName", "Edsger", "email", "edsger@example.com"));
            api.postJson(locationPath("contacts/" + contact.json().get("id").asText() + "/tags"), Map.of("tag", "lead"));

            JsonNode run = runInState("edsger@example.com", "FAILED", Duration.ofSeconds(90));

            JsonNode send = step(run, "sendWelcome");
            assertThat(send.get("status").asText()).isEqualTo("FAILED");
            assertThat(send.get("attempts").asInt()).isEqualTo(3);
            assertThat(send.get("error").asText()).contains("SMTP delivery to edsger@example.com via 127.0.0.1");
            assertThat(send.get("pluginVersion").asText()).isEqualTo("2.0.0");
        } finally {
            api.putJson(settingsPath(), Map.of("host", "localhost", "port", smtpPort, "from", "hello@agency.test"));
        }
    }

    @Test
    @Order(87)
    void noDatabaseTransactionIsLeftOpen() throws Exception {
        Properties server = platform.serverProperties();
        try (Connection connection = DriverManager.getConnection(server.getProperty("switchboard.db.url"),
                server.getProperty("switchboard.db.user"), "");
             ResultSet row = connection.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND state LIKE 'idle in transaction%'"
                     + " AND now() - state_change > interval '5 seconds'")) {
            row.next();
            assertThat(row.getInt(1)).as("connections idle in transaction for over 5 s").isZero();
        }
    }

    @Test
    @Order(90)
    void anotherLocationSeesNoneOfThisLocationsData() {
        String ada = contactsByEmail("ada@example.com");
        Response created = api.postJson("locations", Map.of("name", "Second location"));
        assertThat(created.status()).isEqualTo(201);
        String other = created.json().get("id").asText();

        assertThat(api.get("locations/" + other + "/contacts/" + ada).status()).isEqualTo(404);
        assertThat(api.post("locations/" + other + "/contacts/" + ada + "/tags", "application/json",
                "{\"tag\":\"lead\"}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(404);
        assertThat(api.get("locations/" + other + "/contacts").json()).isEmpty();
        assertThat(api.get("locations/" + other + "/workflows").json()).isEmpty();
        assertThat(api.get("locations/" + other + "/workflow-runs").json()).isEmpty();
        String run = api.get(locationPath("workflow-runs")).json().get(0).get("id").asText();
        assertThat(api.get("locations/" + other + "/workflow-runs/" + run).status()).isEqualTo(404);
        assertThat(api.get("locations/" + UUID.randomUUID() + "/contacts").status()).isEqualTo(404);
        assertThat(api.get("locations/" + java.net.URLEncoder.encode("' OR 1=1 --", StandardCharsets.UTF_8)
                + "/contacts").status()).isEqualTo(404);
    }

    @Test
    @Order(100)
    void consoleShowsTheWorkflowSwitchesThemeAndSavesANewVersion() throws Exception {
        Path uiDirectory = Path.of(System.getProperty("modeler.ui.dir"));
        Path log = Path.of(System.getProperty("screenshot.dir")).resolve("browser-test.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder browserTest = new ProcessBuilder("node", "--test", "e2e/")
                .directory(uiDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        browserTest.environment().putAll(Map.of(
                "SWITCHBOARD_URL", platform.baseUri().toString(),
                "SWITCHBOARD_EMAIL", platform.adminEmail(),
                "SWITCHBOARD_PASSWORD", platform.adminPassword(),
                "SWITCHBOARD_WORKFLOW_NAME", "Welcome new lead",
                "SCREENSHOT_DIR", System.getProperty("screenshot.dir")));

        int exit = browserTest.start().waitFor();

        assertThat(exit).as("browser test output:%n%s", Files.readString(log)).isZero();
        assertThat(api.get(locationPath("workflows/" + WORKFLOW)).json().get("version").asInt()).isEqualTo(2);
        assertThat(Path.of(System.getProperty("screenshot.dir")).resolve("02-midnight-theme.png")).exists();
    }

    @Test
    @Order(110)
    void installedPluginsAndWorkflowsSurviveARestart() throws Exception {
        platform.restart();
        api = platform.admin();

        JsonNode plugin = api.get("plugins/" + EMAIL_PLUGIN).json();
        assertThat(plugin.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(plugin.get("version").asText()).isEqualTo("2.0.0");
        MimeMessage message = tagNewLeadAndReceive("Linus", "linus@example.com");
        assertThat(message.getSubject()).isEqualTo("Hello Linus");
    }

    @Test
    @Order(120)
    void uglyInputsAreRefusedAsProblemsNeverServerErrors() {
        String contacts = locationPath("contacts");
        Map<Response, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put(api.post(contacts, "application/json", "{\"firstName\":".getBytes(StandardCharsets.UTF_8)), "JSON");
        refusals.put(api.post(contacts, "application/json", "[1,2]".getBytes(StandardCharsets.UTF_8)), "JSON");
        refusals.put(api.postJson(contacts, Map.of("firstName", "x".repeat(100_000))), "longer than 200");
        refusals.put(api.postJson(contacts, Map.of("email", "'; DROP TABLE contact; --")), "not an email address");
        refusals.put(api.postJson(contacts, Map.of("firstName", "Bobby", "tags", List.of("x'; DROP TABLE contact; --"))),
                "must be 1-63");
        refusals.put(api.get(contacts + "?limit=abc"), "limit must be a whole number");
        refusals.put(api.putJson(settingsPath(), List.of(1, 2)), "JSON object");
        refusals.put(api.putJson("agency/theme", Map.of("themeId", "../../etc/passwd")), "themeId must be one of");
        refusals.put(api.post("plugins", "application/java-archive", new byte[] {'P', 'K', 3, 4, 0, 0}), "cannot be read");

        refusals.forEach((response, reason) -> assertProblem(response, 400, reason));
        assertThat(api.get(contacts + "?limit=500").status()).isEqualTo(200);
    }

    @Test
    @Order(130)
    void openApiDocumentDescribesTheApi() {
        Response openApi = ApiClient.anonymous(platform.baseUri()).get("../../openapi");

        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/v1/locations/{locationId}/contacts", "/api/v1/plugins",
                "/api/v1/locations/{locationId}/workflows", "/api/v1/auth/login");
    }

    private static MimeMessage tagNewLeadAndReceive(String firstName, String email) throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        Response contact = api.postJson(locationPath("contacts"), Map.of("firstName", firstName, "email", email));
        assertThat(contact.status()).as(contact.body()).isEqualTo(201);
        Response tagged = api.postJson(locationPath("contacts/" + contact.json().get("id").asText() + "/tags"),
                Map.of("tag", "lead"));
        assertThat(tagged.status()).as(tagged.body()).isEqualTo(200);
        assertThat(SMTP.waitForIncomingEmail(Duration.ofSeconds(60).toMillis(), 1))
                .as("an email to %s within 60 s", email).isTrue();
        MimeMessage message = SMTP.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo(email);
        return message;
    }

    private static JsonNode completedRunOf(String email) throws InterruptedException {
        return runInState(email, "COMPLETED", Duration.ofSeconds(20));
    }

    private static JsonNode runInState(String email, String state, Duration within) throws InterruptedException {
        String contactId = contactsByEmail(email);
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode runs = api.get(locationPath("workflow-runs?contactId=" + contactId)).json();
            if (runs.size() == 1 && state.equals(runs.get(0).get("state").asText())) {
                return api.get(locationPath("workflow-runs/" + runs.get(0).get("id").asText())).json();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + state + " run for " + email + " within " + within + ": "
                + api.get(locationPath("workflow-runs?contactId=" + contactId)).body());
    }

    private static int unusedPort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String contactsByEmail(String email) {
        for (JsonNode contact : api.get(locationPath("contacts")).json()) {
            if (email.equals(contact.get("email").asText())) {
                return contact.get("id").asText();
            }
        }
        throw new AssertionError("no contact " + email);
    }

    private static JsonNode step(JsonNode run, String activityId) {
        for (JsonNode step : run.get("steps")) {
            if (activityId.equals(step.get("activityId").asText())) {
                return step;
            }
        }
        throw new AssertionError("no step " + activityId + " in " + run);
    }

    private static void assertProblem(Response response, int status, String detailContains) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.contentType()).isTrue();
        assertThat(response.json().get("detail").asText()).containsIgnoringCase(detailContains);
    }

    private static Response deploy(String xml) {
        return api.post(locationPath("workflows"), "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String locationPath(String path) {
        return "locations/" + location + "/" + path;
    }

    private static String settingsPath() {
        return locationPath("plugins/" + EMAIL_PLUGIN + "/settings");
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = WalkingSkeletonIT.class.getResourceAsStream("WalkingSkeletonIT." + name + ".bpmn20.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] plugin(String property) throws IOException {
        return Files.readAllBytes(Path.of(System.getProperty(property)));
    }

    /** An OSGi bundle that cannot resolve: it imports a package nobody exports. */
    private static byte[] bundle(String symbolicName, String version, String missingImport) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        var manifest = new java.util.jar.Manifest();
        var main = manifest.getMainAttributes();
        main.putValue("Manifest-Version", "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        main.putValue("Import-Package", missingImport);
        try (var jar = new java.util.jar.JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new java.util.jar.JarEntry("readme.txt"));
            jar.write("cannot resolve".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** A jar with a manifest but no OSGi headers. */
    private static byte[] plainJar() throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        var manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (var jar = new java.util.jar.JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new java.util.jar.JarEntry("readme.txt"));
            jar.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String storedSecretColumn() throws Exception {
        Properties server = platform.serverProperties();
        try (Connection connection = DriverManager.getConnection(server.getProperty("switchboard.db.url"),
                server.getProperty("switchboard.db.user"), "");
             ResultSet row = connection.createStatement().executeQuery("SELECT secret::text FROM plugin_setting")) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }
}
