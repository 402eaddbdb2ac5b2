package dev.switchboard.acceptance.lifecycle;

import static dev.switchboard.acceptance.support.Scenario.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.Maven;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import dev.switchboard.testkit.TestSigning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a new plugin author does, in both packagings: generate a project from the plugin archetype with
 * nothing but the required names, build it (its unit test runs on the test kit's in-memory host),
 * upload the jar to a running platform, set the plugin's settings for a location, and run its action
 * in a workflow. The archetype and the SDK come from this build (see {@link Maven}).
 */
@ExtendWith(PlatformExtension.class)
class ArchetypeIT {

    private static final Path PROJECTS = Path.of(System.getProperty("archetype.projects", "target/archetype-projects"));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"osgi", "pf4j"})
    void aGeneratedPluginBuildsInstallsAndRunsItsActionInAWorkflow(String packaging, RunningPlatform platform,
                                                                   TestLocation location) throws Exception {
        Path workspace = Files.createDirectories(PROJECTS.resolve(packaging));
        String artifactId = "greeter-" + packaging;
        String pluginId = "com.example.greeter." + packaging;
        String actionId = "greeter_" + packaging + ".greet";

        Maven.Result generated = generate(workspace, artifactId, "-Dpackage=" + pluginId, "-Dpackaging=" + packaging);
        assertThat(generated.succeeded()).as(generated.output()).isTrue();
        Path project = workspace.resolve(artifactId);

        Maven.Result built = Maven.run(project, workspace.resolve("build.log"), "verify");
        assertThat(built.succeeded()).as(built.output()).isTrue();
        assertThat(built.output()).as("the generated unit test ran on the in-memory host")
                .containsPattern("Tests run: [1-9][0-9]*, Failures: 0, Errors: 0, Skipped: 0, .* in "
                        + Pattern.quote(pluginId + ".GreetActionTest"));

        ApiClient operator = platform.admin();
        ApiClient.Response installed = operator.post("plugins", "application/java-archive",
                // signed as its publisher would, with the key the test platform trusts
                TestSigning.testKey().sign(Files.readAllBytes(project.resolve("target/" + artifactId + "-1.0.0-SNAPSHOT.jar"))));
        assertThat(installed.status()).as(installed.body()).isEqualTo(200);
        assertThat(installed.json().get("id").asText()).isEqualTo(pluginId);
        assertThat(installed.json().get("packaging").asText()).isEqualTo(packaging.toUpperCase(Locale.ROOT));
        assertThat(installed.json().get("state").asText()).isEqualTo("ACTIVE");
        assertThat(installed.json().get("extensions").toString()).contains("\"key\":\"" + actionId + "\"");

        String settings = location.path("plugins/" + pluginId + "/settings");
        assertThat(location.api().get(settings + "/schema").json().at("/properties/salutation/title").asText())
                .isEqualTo("Salutation");
        ApiClient.Response saved = location.api().putJson(settings, Map.of("salutation", "Howdy"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        Scenario scenario = new Scenario(location);
        ApiClient.Response deployed = scenario.deploy(Scenario.fixture(ArchetypeIT.class, "greet")
                .replace("PACKAGING", packaging).replace("ACTION_ID", actionId));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
        String ada = scenario.contact("Ada", "ada." + packaging + "@example.com");

        scenario.tag(ada, "greet-" + packaging);

        JsonNode run = scenario.endedRuns(ada, 1, Duration.ofSeconds(60)).get(0);
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("COMPLETED");
        JsonNode greet = step(run, "greet");
        assertThat(greet.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(greet.get("actionId").asText()).isEqualTo(actionId);
        assertThat(greet.get("pluginId").asText()).isEqualTo(pluginId);
        assertThat(greet.get("summary").asText()).isEqualTo("Howdy, Ada!");
        assertThat(outputs(platform, location, run.get("id").asText()))
                .as("the step's output, which the run gets as variable greet_text").isEqualTo("{\"text\": \"Howdy, Ada!\"}");

        // its workflow still names the action: removing the plugin needs force
        assertThat(operator.delete("plugins/" + pluginId).status()).isEqualTo(409);
        assertThat(operator.delete("plugins/" + pluginId + "?force=true").status()).isEqualTo(204);
    }

    @Test
    void aMistypedPackagingGeneratesNothingAndSaysWhy() throws IOException {
        Path workspace = Files.createDirectories(PROJECTS.resolve("mistyped"));

        Maven.Result generated = generate(workspace, "greeter-mistyped", "-Dpackaging=osig", "-DactionId=Greet");

        assertThat(generated.succeeded()).isFalse();
        assertThat(generated.output()).contains("No plugin project was generated: packaging 'osig' is neither osgi"
                + " nor pf4j; actionId 'Greet' must be lower case and dotted");
        assertThat(workspace.resolve("greeter-mistyped")).doesNotExist();
    }

    /** {@code mvn archetype:generate} as the plugin developer guide has it, in a fresh folder. */
    private static Maven.Result generate(Path workspace, String artifactId, String... properties) throws IOException {
        deleteRecursively(workspace.resolve(artifactId));
        String[] arguments = new String[7 + properties.length];
        arguments[0] = "org.apache.maven.plugins:maven-archetype-plugin:" + System.getProperty("archetype.plugin.version")
                + ":generate";
        arguments[1] = "-DarchetypeGroupId=dev.switchboard";
        arguments[2] = "-DarchetypeArtifactId=switchboard-plugin-archetype";
        arguments[3] = "-DarchetypeVersion=" + System.getProperty("switchboard.version");
        arguments[4] = "-DgroupId=com.example";
        arguments[5] = "-DartifactId=" + artifactId;
        // the archetype is named in full: no need for the catalog of every archetype on Maven Central
        arguments[6] = "-DarchetypeCatalog=internal";
        System.arraycopy(properties, 0, arguments, 7, properties.length);
        return Maven.run(workspace, workspace.resolve("generate.log"), arguments);
    }

    /** The outputs the platform recorded for the run's step {@code greet}. */
    private static String outputs(RunningPlatform platform, TestLocation location, String runId) throws Exception {
        try (Connection database = platform.database(UUID.fromString(location.id()));
             PreparedStatement query = database.prepareStatement(
                     "SELECT outputs::text FROM action_execution WHERE run_id = ? AND activity_id = 'greet'")) {
            query.setString(1, runId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("the step of run " + runId).isTrue();
                return row.getString(1);
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
