package dev.switchboard.host.problems;

import dev.switchboard.core.problems.Problem;
import dev.switchboard.core.problems.ProblemType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Builds {@code application/problem+json} responses. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /** A 500 that names an incident id to quote, logged with the failure; never a stack trace. */
    public static Problem incident(Logger log, String what, Throwable failure) {
        String incident = UUID.randomUUID().toString();
        log.log(Level.SEVERE, what + ", incident " + incident, failure);
        return Problem.of(ProblemType.INTERNAL, "the request failed unexpectedly; quote incident " + incident
                + " to your operator");
    }

    /** The problem as the answer to the request {@code uri} names. */
    public static Response response(Problem problem, UriInfo uri) {
        return response(uri == null ? problem : problem.withInstance(instance(uri.getRequestUri().getRawPath())));
    }

    public static Response response(Problem problem) {
        Response.ResponseBuilder builder = Response.status(problem.status()).type(MEDIA_TYPE).entity(problem);
        if (problem.status() == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        if (problem.status() == 429) {
            builder.header("Retry-After", "60");
        }
        return builder.build();
    }

    /** The request path, bounded: a path is input too. */
    static String instance(String path) {
        return path == null || path.length() <= 300 ? path : path.substring(0, 300) + "…";
    }
}
