package dev.switchboard.core.problems;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of problem the API answers with. Its {@link #uri()} is the problem document's
 * {@code type}: stable, and described at that address ({@code GET /api/v1/problems/{slug}}) and in
 * {@code docs/api.md}.
 */
public enum ProblemType {

    VALIDATION("validation", 400, "Invalid request",
            "A value in the request is missing, malformed or out of its limits; errors[] names each one."),
    MALFORMED_REQUEST("malformed-request", 400, "Malformed request",
            "The request body cannot be read: it is not valid JSON (or XML) of the documented shape."),
    INVALID_BPMN("invalid-bpmn", 400, "Invalid BPMN",
            "The workflow document is not a BPMN 2.0 process the platform can run; errors[] names each element."),
    UNAUTHORIZED("unauthorized", 401, "Unauthorized",
            "No valid credentials: send 'Authorization: Bearer <token>' with a token from POST /api/v1/auth/login."),
    FORBIDDEN("forbidden", 403, "Forbidden",
            "The caller is signed in but their roles do not grant the permission this operation needs."),
    NOT_FOUND("not-found", 404, "Not found",
            "No such resource, or not one the caller may see (another tenant's resources are never revealed)."),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed",
            "The resource exists but does not support this HTTP method."),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable", "The API answers in application/json only."),
    CONFLICT("conflict", 409, "Conflict",
            "The request conflicts with the current state, such as a value that must be unique."),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large",
            "The request body is larger than the documented limit of this operation."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type",
            "The request body's Content-Type is not one this operation accepts."),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests",
            "Too many attempts in a short time; wait for the number of seconds in Retry-After."),
    INTERNAL("internal", 500, "Internal error",
            "The request failed unexpectedly; the detail names an incident id the operator finds in the log."),
    PLUGIN_FAILED("plugin-failed", 500, "Plugin failed",
            "A plugin's code failed while it handled the request (a webhook); the detail names the plugin and the failure."),
    QUERY_TIMEOUT("query-timeout", 503, "Query took too long",
            "Answering took longer than the operation's time limit (a segment over many contacts with slow conditions); "
                    + "narrow it, or try again when the platform is less busy."),
    UNAVAILABLE("unavailable", 503, "Service unavailable", "The platform is starting or stopping; try again shortly."),
    PLUGIN_TIMEOUT("plugin-timeout", 504, "Plugin timed out",
            "A plugin did not answer the request (a webhook) within its time limit."),
    /** A status without a kind of its own (the safety net for errors raised by the server itself). */
    HTTP_ERROR("http-error", 400, "HTTP error", "An error of the HTTP layer; the status says which.");

    /** Where the kinds are described; each type is this prefix and the slug. */
    public static final String URI_PREFIX = "/api/v1/problems/";

    private final String slug;
    private final int status;
    private final String title;
    private final String description;

    ProblemType(String slug, int status, String title, String description) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.description = description;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String uri() {
        return URI_PREFIX + slug;
    }

    public static Optional<ProblemType> ofSlug(String slug) {
        return Arrays.stream(values()).filter(type -> type.slug.equals(slug)).findFirst();
    }

    /** The kind for an HTTP status the server answered on its own. */
    public static ProblemType ofStatus(int status) {
        return Arrays.stream(values()).filter(type -> type != VALIDATION && type != INVALID_BPMN && type.status == status)
                .findFirst().orElse(status >= 500 ? INTERNAL : HTTP_ERROR);
    }
}
