package dev.switchboard.acceptance.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.ApiClient.Response;

/** Checks on RFC 9457 problem answers. */
public final class Problems {

    private Problems() {
    }

    /**
     * The answer is an RFC 9457 problem with this status whose detail names {@code detailContains}
     * (ignoring case), with a documented type, a title, and the request as its instance.
     */
    public static void assertProblem(Response response, int status, String detailContains) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.contentType()).isTrue();
        assertThat(response.json().get("detail").asText()).containsIgnoringCase(detailContains);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("type").asText()).startsWith("/api/v1/problems/");
        assertThat(response.json().get("title").asText()).isNotBlank();
        assertThat(response.json().get("instance").asText()).startsWith("/api/");
    }

    /** A 400 problem with an error at {@code pointer} whose detail contains {@code detailContains}. */
    public static void assertFieldError(Response response, String pointer, String detailContains) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.isProblem()).as(response.contentType()).isTrue();
        assertThat(response.json().get("errors")).as(response.body()).anySatisfy(error -> {
            assertThat(error.get("pointer").asText()).isEqualTo(pointer);
            assertThat(error.get("detail").asText()).containsIgnoringCase(detailContains);
        });
    }
}
