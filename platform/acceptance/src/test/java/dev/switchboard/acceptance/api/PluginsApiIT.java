package dev.switchboard.acceptance.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.api.fixture.EchoAction;
import dev.switchboard.acceptance.api.fixture.EchoInput;
import dev.switchboard.acceptance.api.fixture.EchoOutput;
import dev.switchboard.acceptance.api.fixture.GuardedEcho;
import dev.switchboard.acceptance.api.fixture.OsgiEcho;
import dev.switchboard.acceptance.api.fixture.Pf4jEcho;
import dev.switchboard.acceptance.api.fixture.ReportsPermissions;
import dev.switchboard.acceptance.api.fixture.StolenSend;
import dev.switchboard.acceptance.api.fixture.VisitAction;
import dev.switchboard.acceptance.api.fixture.VisitInput;
import dev.switchboard.acceptance.lifecycle.fixture.BrokenStart;
import dev.switchboard.acceptance.support.EmailPlugin;
import dev.switchboard.acceptance.support.Problems;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestBundles;
import dev.switchboard.testkit.TestLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Uploads that are not plugins, a plugin that would shadow another's action, and a plugin's settings with a secret in them. */
@ExtendWith(PlatformExtension.class)
class PluginsApiIT {

    @Test
    void invalidPluginUploadsAreRefusedAndChangeNothing(RunningPlatform platform) throws IOException {
        ApiClient api = platform.admin();
        String before = api.get("plugins").body();

        Problems.assertProblem(api.post("plugins", "application/java-archive", "hello".getBytes(StandardCharsets.UTF_8)),
                400, "not a jar");
        Problems.assertProblem(api.post("plugins", "application/java-archive", new byte[0]), 400, "empty");
        Problems.assertProblem(api.post("plugins", "application/java-archive", plainJar()), 400, "neither an OSGi bundle");

        assertThat(api.get("plugins").body()).isEqualTo(before);
    }

    @Test
    void pluginSettingsKeepThePasswordEncryptedAndNeverReturnIt(RunningPlatform platform, TestLocation location)
            throws Exception {
        EmailPlugin.ensureInstalled(location.api());
        String settings = location.path("plugins/" + EmailPlugin.ID + "/settings");
        Problems.assertProblem(location.api().putJson(settings, Map.of("host", "localhost", "port", "not-a-port")),
                400, "port");

        Response saved = location.api().putJson(settings, Map.of("host", "localhost", "port", 2525,
                "from", "hello@agency.test", "password", "smtp-s3cret"));

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).doesNotContain("smtp-s3cret");
        assertThat(saved.json().get("secretsSet").get(0).asText()).isEqualTo("password");
        try (Connection database = platform.database();
             PreparedStatement query = database.prepareStatement(
                     "SELECT secret::text FROM plugin_setting WHERE location_id = ?::uuid")) {
            query.setString(1, location.id());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).startsWith("{\"password\": \"v1:").doesNotContain("smtp-s3cret");
            }
        }
        assertThat(platform.log()).as("the server's log").doesNotContain("smtp-s3cret");
    }

    @Test
    void aPluginCannotTakeOverAnotherPluginsActionWhateverItsRanking(RunningPlatform platform) {
        ApiClient operator = platform.admin();
        EmailPlugin.ensureInstalled(operator);
        String before = operator.get("plugins").body();

        Response refused = operator.post("plugins", "application/java-archive",
                TestBundles.pf4j("test.shadowing.plugin", "1.0.0", StolenSend.class));

        Problems.assertProblem(refused, 409, "WorkflowAction 'email.send' belongs to plugin '" + EmailPlugin.ID + "'");
        assertThat(operator.get("plugins").body()).isEqualTo(before).doesNotContain("test.shadowing.plugin");
    }

    @Test
    void theOperatorRemovesAPluginAndItStaysRemovedAfterARestartOfItsBundle(RunningPlatform platform) {
        ApiClient operator = platform.admin();
        Response installed = operator.post("plugins", "application/java-archive",
                TestBundles.bundle("test.removable.plugin", "1.0.0", EchoAction.class, EchoInput.class, EchoOutput.class));
        assertThat(installed.status()).as(installed.body()).isEqualTo(200);
        assertThat(operator.get("plugins/test.removable.plugin").status()).isEqualTo(200);

        Response removed = operator.send("DELETE", "plugins/test.removable.plugin", null, null);

        assertThat(removed.status()).as(removed.body()).isEqualTo(204);
        Problems.assertProblem(operator.get("plugins/test.removable.plugin"), 404, "plugin");
        assertThat(operator.get("plugins").body()).doesNotContain("test.removable.plugin");
        Problems.assertProblem(operator.send("DELETE", "plugins/test.removable.plugin", null, null), 404, "plugin");
    }

    @Test
    void bothPackagingsInstallUpgradeRollBackAndListTheirContributionsAlike(RunningPlatform platform) {
        ApiClient operator = platform.admin();
        for (String packaging : List.of("OSGI", "PF4J")) {
            String id = "test.lifecycle." + packaging.toLowerCase(java.util.Locale.ROOT);
            Response first = operator.post("plugins", "application/java-archive", artifact(packaging, id, "1.0.0"));
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            JsonNode installed = first.json();
            assertThat(installed.get("packaging").asText()).isEqualTo(packaging);
            assertThat(installed.get("state").asText()).isEqualTo("ACTIVE");
            JsonNode extension = installed.get("extensions").get(0);
            assertThat(extension.get("point").asText()).isEqualTo("WorkflowAction");
            assertThat(extension.get("key").asText()).isEqualTo("test.echo." + packaging.toLowerCase(java.util.Locale.ROOT));
            assertThat(extension.at("/descriptor/input/properties/text/title").asText()).isEqualTo("Text");
            assertThat(extension.at("/descriptor/input/required/0").asText()).isEqualTo("text");

            Response upgraded = operator.post("plugins", "application/java-archive", artifact(packaging, id, "1.1.0"));
            assertThat(upgraded.status()).as(upgraded.body()).isEqualTo(200);
            assertThat(upgraded.json().get("version").asText()).isEqualTo("1.1.0");
            assertThat(upgraded.json().get("previousVersion").asText()).isEqualTo("1.0.0");

            Problems.assertProblem(operator.post("plugins", "application/java-archive", artifact(packaging, id, "0.9.0")),
                    409, "older than the running 1.1.0");

            Response rolledBack = operator.post("plugins/" + id + "/rollback", "application/json", new byte[0]);
            assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(200);
            assertThat(rolledBack.json().get("version").asText()).isEqualTo("1.0.0");
            assertThat(operator.get("plugins/" + id).json().get("version").asText()).isEqualTo("1.0.0");

            assertThat(operator.send("DELETE", "plugins/" + id, null, null).status()).isEqualTo(204);
            Problems.assertProblem(operator.post("plugins/" + id + "/rollback", "application/json", new byte[0]), 404,
                    "plugin");
        }
    }

    @Test
    void aPluginWhoseStartFailsIsRefusedWithTheReasonAndLeavesNothingBehind(RunningPlatform platform) {
        ApiClient operator = platform.admin();
        String before = operator.get("plugins").body();

        Problems.assertProblem(operator.post("plugins", "application/java-archive",
                TestBundles.pf4j("test.broken.start", "1.0.0", BrokenStart.class)), 400, "start is broken");
        Problems.assertProblem(operator.post("plugins", "application/java-archive",
                TestBundles.bundle("test.no.extensions", "1.0.0", EchoInput.class)), 400, "declares no extensions");

        assertThat(operator.get("plugins").body()).isEqualTo(before);
    }

    @Test
    void theSettingsFormComesFromThePluginsSettingsRecord(TestLocation location) {
        EmailPlugin.ensureInstalled(location.api());

        JsonNode schema = location.api().get(location.path("plugins/" + EmailPlugin.ID + "/settings/schema")).json();

        assertThat(schema.at("/properties/host/title").asText()).isEqualTo("SMTP host");
        assertThat(schema.at("/properties/password/writeOnly").asBoolean()).isTrue();
        assertThat(schema.at("/properties/port/maximum").asInt()).isEqualTo(65535);
        assertThat(schema.get("required").toString()).contains("host", "port", "from");
        List<String> fields = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as("the form's order: the record's").containsExactly("host", "port", "from", "username",
                "password", "startTls");
    }

    @Test
    void aPluginInUseCannotBeTurnedOffOrRemovedWithoutForceAndTheRefusalNamesTheWorkflow(RunningPlatform platform,
            TestLocation location) {
        ApiClient operator = platform.admin();
        Response installed = operator.post("plugins", "application/java-archive", TestBundles.bundle(
                "test.guarded.plugin", "1.0.0", GuardedEcho.class, EchoInput.class, EchoOutput.class));
        assertThat(installed.status()).as(installed.body()).isEqualTo(200);
        String plugin = location.path("plugins/test.guarded.plugin");
        Scenario scenario = new Scenario(location);

        Response off = location.api().delete(plugin);
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.json().get("enabled").asBoolean()).isFalse();
        assertThat(location.api().get(location.path("plugins")).body()).contains("\"id\":\"test.guarded.plugin\"");
        Problems.assertProblem(scenario.deploy(Scenario.fixture(PluginsApiIT.class, "uses-guarded")), 400,
                "'test.echo.guarded' is not provided by any plugin active in this location");

        Response on = location.api().send("PUT", plugin, null, null);
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        assertThat(on.json().get("enabled").asBoolean()).isTrue();
        scenario.deployFixture(PluginsApiIT.class, "uses-guarded");

        Problems.assertProblem(location.api().delete(plugin), 409, "uses-guarded");
        Problems.assertProblem(operator.delete("plugins/test.guarded.plugin"), 409, "workflow 'uses-guarded'");
        assertThat(operator.get("plugins/test.guarded.plugin").json().get("state").asText()).isEqualTo("ACTIVE");

        Response forced = operator.delete("plugins/test.guarded.plugin?force=true");
        assertThat(forced.status()).as(forced.body()).isEqualTo(204);
        Problems.assertProblem(operator.get("plugins/test.guarded.plugin"), 404, "plugin");
    }

    @Test
    void theModelersElementTemplatesComeFromTheActionsInputRecords(TestLocation location) {
        EmailPlugin.ensureInstalled(location.api());

        JsonNode templates = location.api().get(location.path("element-templates")).json();

        JsonNode email = null;
        for (JsonNode template : templates) {
            if (template.get("id").asText().equals("switchboard.email.send")) {
                email = template;
            }
        }
        assertThat(email).as("the template of email.send in %s", templates).isNotNull();
        assertThat(email.get("appliesTo").get(0).asText()).isEqualTo("bpmn:ServiceTask");
        assertThat(email.at("/properties/0/value").asText()).isEqualTo("email.send");
        assertThat(email.at("/properties/0/binding/name").asText()).isEqualTo("sb:action");
        JsonNode body = null;
        for (JsonNode property : email.get("properties")) {
            if ("body".equals(property.at("/binding/name").asText())) {
                body = property;
            }
        }
        assertThat(body).isNotNull();
        assertThat(body.get("type").asText()).as("a multi-line input").isEqualTo("Text");
        assertThat(body.at("/constraints/notEmpty").asBoolean()).isTrue();
        assertThat(body.at("/binding/type").asText()).isEqualTo("sb:input");
    }

    @Test
    void aPluginsOwnTablesComeFromItsMigrationsAndShowEachLocationOnlyItsRows(RunningPlatform platform,
            TestLocation location) {
        ApiClient operator = platform.admin();
        Response installed = operator.post("plugins", "application/java-archive", TestBundles.pf4j("test.visits.plugin",
                "1.0.0", Map.of("db/migration/V1__visits.sql", VisitAction.MIGRATION), VisitAction.class, VisitInput.class));
        assertThat(installed.status()).as(installed.body()).isEqualTo(200);
        ApiClient api = location.api();
        String other = api.postJson("locations", Map.of("name", "Other visits")).json().get("id").asText();
        Scenario here = new Scenario(location);
        Scenario there = new Scenario(new TestLocation(api, other, "Other visits"));
        here.deployFixture(PluginsApiIT.class, "visit");
        there.deployFixture(PluginsApiIT.class, "visit");

        assertThat(visitSummary(here, "ada.visits@example.com")).isEqualTo("visits: 1");
        assertThat(visitSummary(here, "grace.visits@example.com")).isEqualTo("visits: 2");
        assertThat(visitSummary(there, "alan.visits@example.com")).as("the other location's table is its own")
                .isEqualTo("visits: 1");

        Response hostile = here.deploy(Scenario.fixture(PluginsApiIT.class, "visit-elsewhere")
                .replace("OTHER_LOCATION", other));
        assertThat(hostile.status()).as(hostile.body()).isEqualTo(201);
        String intruder = here.contact("Mallory", "mallory.visits@example.com");
        here.tag(intruder, "elsewhere");
        JsonNode refused = here.awaitRuns(intruder, Duration.ofSeconds(60), runs -> runs.stream()
                .anyMatch(run -> !"RUNNING".equals(run.get("state").asText()))).get(0);
        JsonNode step = Scenario.step(refused, "record");
        assertThat(step.get("error").asText()).as("a row for another location is refused by the database")
                .contains("row-level security");
        assertThat(visitSummary(there, "barbara.visits@example.com")).isEqualTo("visits: 2");

        Problems.assertProblem(operator.post("plugins", "application/java-archive", TestBundles.bundle(
                "test.unscoped.plugin", "1.0.0", Map.of("db/migration/V1__logs.sql", "CREATE TABLE log (line text);"),
                EchoAction.class, EchoInput.class, EchoOutput.class)), 400, "table log has no location_id uuid column");
    }

    private static String visitSummary(Scenario scenario, String email) {
        String contact = scenario.contact("Visitor", email);
        scenario.tag(contact, "visit");
        JsonNode run = scenario.endedRuns(contact, 1, Duration.ofSeconds(60)).get(0);
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("COMPLETED");
        return Scenario.step(run, "record").get("summary").asText();
    }

    @Test
    void declaredPermissionsAreGrantedByLocationRolesWhereThePluginIsActive(RunningPlatform platform) {
        ApiClient operator = platform.admin();
        Problems.assertProblem(operator.post("plugins", "application/java-archive", TestBundles.bundle(
                "test.stealing.plugin", "1.0.0", ReportsPermissions.Stolen.class)), 400,
                "permission 'location.settings' is the platform's own");
        Response installed = operator.post("plugins", "application/java-archive", TestBundles.bundle(
                "test.reports.plugin", "1.0.0", ReportsPermissions.Export.class, ReportsPermissions.View.class));
        assertThat(installed.status()).as(installed.body()).isEqualTo(200);
        String ownerEmail = "owner.reports@example.com";
        String agency = operator.postJson("agencies", Map.of("name", "Reports agency",
                "owner", Map.of("email", ownerEmail, "password", "owner-password"))).json().get("id").asText();
        ApiClient owner = ApiClient.login(platform.baseUri(), ownerEmail, "owner-password");
        String where = owner.postJson("agencies/" + agency + "/locations", Map.of("name", "Reports")).json()
                .get("id").asText();
        owner.postJson("agencies/" + agency + "/users", Map.of("email", "user.reports@example.com",
                "password", "user-password", "locationRoles", Map.of(where, "USER")));
        ApiClient user = ApiClient.login(platform.baseUri(), "user.reports@example.com", "user-password");

        assertThat(owner.get("me").json().at("/permissions/locations/" + where).toString())
                .contains("location.settings", "test.reports.export", "test.reports.view");
        assertThat(user.get("me").json().at("/permissions/locations/" + where).toString())
                .contains("test.reports.view").doesNotContain("test.reports.export");

        assertThat(owner.delete("locations/" + where + "/plugins/test.reports.plugin").status()).isEqualTo(200);
        assertThat(owner.get("me").json().at("/permissions/locations/" + where).toString())
                .as("a plugin turned off grants nothing there").doesNotContain("test.reports");

        // the platform is shared with other test classes: their users must not be granted these
        assertThat(operator.delete("plugins/test.reports.plugin").status()).isEqualTo(204);
        assertThat(user.get("me").json().at("/permissions/locations/" + where).toString()).doesNotContain("test.reports");
    }

    /** A plugin in either packaging whose action id carries the packaging, so both can be installed at once. */
    private static byte[] artifact(String packaging, String id, String version) {
        return packaging.equals("OSGI")
                ? TestBundles.bundle(id, version, OsgiEcho.class, EchoInput.class, EchoOutput.class)
                : TestBundles.pf4j(id, version, Pf4jEcho.class, EchoInput.class, EchoOutput.class);
    }

    /** A jar with a manifest but no OSGi headers. */
    private static byte[] plainJar() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new JarEntry("readme.txt"));
            jar.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
