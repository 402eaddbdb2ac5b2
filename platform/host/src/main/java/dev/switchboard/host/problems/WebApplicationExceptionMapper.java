package dev.switchboard.host.problems;

import dev.switchboard.core.problems.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** JAX-RS's own errors (unknown path, wrong method or media type, unreadable body) as problems. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response.StatusType status = exception.getResponse().getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 400 -> "the request body cannot be read: send valid JSON of the documented shape";
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 406 -> "no acceptable representation; this API speaks application/json";
            case 415 -> "unsupported content type";
            default -> exception.getMessage();
        };
        return Problems.response(new Problem(status.getStatusCode(), status.getReasonPhrase(), detail, List.of()));
    }
}
