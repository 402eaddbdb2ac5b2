package dev.switchboard.host.problems;

import dev.switchboard.core.problems.Problem;
import dev.switchboard.core.problems.ProblemType;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * The last line under the API: a failure that escapes the JAX-RS exception mappers (some errors
 * inside the JAX-RS runtime do, and reach the server as {@code sendError} or an exception) becomes
 * an {@code application/problem+json} answer, not the server's HTML error page with stack traces.
 */
@WebFilter("/api/*")
public class ProblemSafetyNetFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ProblemSafetyNetFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public void sendError(int status, String message) throws IOException {
                    writeProblem(request, response, status, null);
                }

                @Override
                public void sendError(int status) throws IOException {
                    writeProblem(request, response, status, null);
                }
            });
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            writeProblem(request, response, 500, e);
        }
    }

    private static void writeProblem(HttpServletRequest request, HttpServletResponse response, int status,
                                     Throwable failure) throws IOException {
        Problem problem = status >= 500
                ? Problems.incident(LOG, "Unhandled failure on " + request.getMethod() + " " + request.getRequestURI(), failure)
                : Problem.of(ProblemType.ofStatus(status), status, ProblemType.ofStatus(status).title(),
                        "the request cannot be served (HTTP " + status + ")");
        response.reset();
        response.setStatus(status);
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (Jsonb jsonb = JsonbBuilder.create()) {
            response.getWriter().write(jsonb.toJson(problem.withInstance(Problems.instance(request.getRequestURI()))));
        } catch (Exception e) {
            throw new IOException("cannot write the problem document", e);
        }
        response.flushBuffer();
    }
}
