package dev.switchboard.host.problems;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Level;
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
        String detail;
        if (status >= 500) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unhandled failure on " + request.getMethod() + " " + request.getRequestURI()
                    + ", incident " + incident, failure);
            detail = "the request failed unexpectedly; quote incident " + incident + " to your operator";
        } else {
            detail = "the request cannot be served (HTTP " + status + ")";
        }
        response.reset();
        response.setStatus(status);
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"status\":" + status + ",\"title\":\"" + (status >= 500 ? "Internal error" : "Error")
                + "\",\"detail\":\"" + detail + "\",\"errors\":[]}");
        response.flushBuffer();
    }
}
