package dev.switchboard.host.problems;

import dev.switchboard.core.problems.Problem;
import jakarta.ws.rs.core.Response;
import java.util.List;
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
        return new Problem(500, "Internal error",
                "the request failed unexpectedly; quote incident " + incident + " to your operator", List.of());
    }

    public static Response response(Problem problem) {
        Response.ResponseBuilder builder = Response.status(problem.status()).type(MEDIA_TYPE).entity(problem);
        if (problem.status() == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }
}
