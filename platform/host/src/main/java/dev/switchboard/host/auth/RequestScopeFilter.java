package dev.switchboard.host.auth;

import dev.switchboard.core.db.DatabaseScope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Every request starts with no tenant in its database scope, whatever the pooled thread did before,
 * and leaves none behind. In between, {@link BearerTokenFilter} narrows it to the caller's agency
 * and location: until then, row-level security shows the request no tenant's rows.
 */
@WebFilter("/*")
public class RequestScopeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        DatabaseScope.reset();
        try {
            chain.doFilter(request, response);
        } finally {
            DatabaseScope.reset();
        }
    }
}
