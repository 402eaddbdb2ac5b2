package dev.switchboard.acceptance.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Signing in and out, and what a call without a valid token gets. */
@ExtendWith(PlatformExtension.class)
class AuthApiIT {

    @Test
    void callsWithoutValidTokenAreRefusedAsProblems(RunningPlatform platform) {
        ApiClient anonymous = ApiClient.anonymous(platform.baseUri());
        Response noToken = anonymous.get("plugins");
        Response forged = platform.admin().withToken("not-a-token").get("plugins");
        Response wrongPassword = anonymous.postJson("auth/login", Map.of("email", platform.adminEmail(), "password", "wrong"));
        Response unknownUser = anonymous.postJson("auth/login", Map.of("email", "nobody@example.com", "password", "wrong"));

        for (Response response : List.of(noToken, forged, wrongPassword, unknownUser)) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.isProblem()).as(response.toString()).isTrue();
        }
        assertThat(anonymous.get("health").status()).isEqualTo(200);
    }

    @Test
    void loggingOutRevokesTheToken(RunningPlatform platform) {
        ApiClient session = platform.admin();
        ApiClient other = platform.admin();
        assertThat(session.get("me").status()).isEqualTo(200);

        assertThat(session.post("auth/logout", "application/json", new byte[0]).status()).isEqualTo(204);

        assertThat(session.get("me").status()).isEqualTo(401);
        assertThat(other.get("me").status()).as("other sessions stay valid").isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentDescribesTheApi(RunningPlatform platform) {
        Response openApi = ApiClient.anonymous(platform.baseUri()).get("../../openapi");

        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/v1/locations/{locationId}/contacts", "/api/v1/plugins",
                "/api/v1/locations/{locationId}/workflows", "/api/v1/auth/login");
    }
}
