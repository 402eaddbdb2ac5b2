package dev.switchboard.host.themes;

import dev.switchboard.core.themes.Theme;
import dev.switchboard.core.themes.ThemeCatalog;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Public theme assets, needed before login: {@code /themes/<id>/theme.css} (the CSS variables) and
 * {@code /themes/<id>/logo.svg} (from the nearest theme in the chain that has one).
 */
@WebServlet("/themes/*")
public class ThemeAssetServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ThemeCatalog themes;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = request.getPathInfo() == null ? new String[0] : request.getPathInfo().substring(1).split("/");
        Optional<Theme> theme = parts.length == 2 ? themes.find(parts[0]) : Optional.empty();
        if (theme.isEmpty()) {
            response.sendError(404);
            return;
        }
        response.setHeader("Cache-Control", "no-cache");
        if ("theme.css".equals(parts[1])) {
            response.setContentType("text/css;charset=UTF-8");
            response.getOutputStream().write(ThemeCatalog.css(theme.get()).getBytes(StandardCharsets.UTF_8));
        } else if ("logo.svg".equals(parts[1]) && theme.get().logo() != null) {
            try (InputStream logo = getClass().getClassLoader().getResourceAsStream(
                    ThemeCatalogProducer.ROOT + theme.get().logoThemeId() + "/" + theme.get().logo())) {
                if (logo == null) {
                    response.sendError(404);
                    return;
                }
                response.setContentType("image/svg+xml");
                response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
                logo.transferTo(response.getOutputStream());
            }
        } else {
            response.sendError(404);
        }
    }
}
