package dev.switchboard.acceptance.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.ApiClient.Response;

/** Checks on RFC 9457 problem answers. */
public final class Problems {

    private Problems() {
    }

    /** The answer is a problem with this status whose detail names {@code detailContains} (ignoring case). */
    public static void assertProblem(Response response, int status, String detailContains) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.contentType()).isTrue();
        assertThat(response.json().get("detail").asText()).containsIgnoringCase(detailContains);
    }
}
