package dev.switchboard.host.problems;

import dev.switchboard.core.problems.Problem;
import dev.switchboard.core.problems.ProblemType;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own errors (unknown path, wrong method or media type, unreadable body) as problems. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        Problem problem = switch (status) {
            case 400 -> Problem.of(ProblemType.MALFORMED_REQUEST,
                    "the request cannot be read: send valid JSON of the documented shape");
            case 404 -> Problem.of(ProblemType.NOT_FOUND, "no such resource");
            case 405 -> Problem.of(ProblemType.METHOD_NOT_ALLOWED, "method not allowed on this resource");
            case 406 -> Problem.of(ProblemType.NOT_ACCEPTABLE, "no acceptable representation; this API speaks application/json");
            case 413 -> Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "the request body is too large");
            case 415 -> Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "unsupported content type"
                    + (exception.getMessage() == null ? "" : ": send one this operation accepts"));
            default -> Problem.of(ProblemType.ofStatus(status), status,
                    exception.getResponse().getStatusInfo().getReasonPhrase(), exception.getMessage());
        };
        return Problems.response(problem, uri);
    }
}
