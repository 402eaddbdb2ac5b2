package dev.switchboard.acceptance.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server serves the OpenAPI document the build made (and generated the console's API types
 * from), not one of its own: the two are the same document, but for the list of paths Payara adds
 * under {@code endpoints}. The document says what each operation answers, problems included, who may
 * call it and which members the server always sends.
 */
@ExtendWith(PlatformExtension.class)
class OpenApiDocumentIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void servedDocumentIsTheOneTheBuildMade(RunningPlatform platform) throws Exception {
        URI openApi = platform.baseUri().resolve("/openapi");
        // HTTP/1.1 as browsers and curl speak it on plain http; the JDK client would otherwise try an h2c upgrade
        HttpResponse<String> served = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(openApi).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode built = JSON.readTree(Path.of(System.getProperty("openapi.document")).toFile());

        assertThat(served.statusCode()).isEqualTo(200);
        ObjectNode servedDocument = (ObjectNode) JSON.readTree(served.body());
        assertThat(servedDocument.remove("endpoints")).isNotNull();
        assertThat(servedDocument).isEqualTo(built);
        assertThat(built.at("/components/schemas/Problem/properties/errors/items/$ref").asText())
                .isEqualTo("#/components/schemas/FieldError");
        assertThat(built.at("/paths/~1api~1v1~1agencies~1{agencyId}~1users/post/responses/201/content/application~1json/schema/$ref")
                .asText()).as("a 201 with its schema").isEqualTo("#/components/schemas/AgencyUser");
        assertThat(built.at("/paths/~1api~1v1~1me/get/responses/401/content/application~1problem+json/schema/$ref").asText())
                .as("problems as answers").isEqualTo("#/components/schemas/Problem");
        assertThat(built.at("/paths/~1api~1v1~1me/get/security/0/bearer").isArray()).as("the bearer token").isTrue();
        assertThat(built.at("/paths/~1api~1v1~1auth~1login/post/security").isMissingNode()).as("a public operation").isTrue();
        assertThat(built.at("/components/schemas/Me/required").toString()).as("members always sent")
                .isEqualTo("[\"user\",\"agency\",\"locations\",\"roles\",\"permissions\"]");
    }
}
