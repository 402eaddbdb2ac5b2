package dev.switchboard.host.themes;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.host.auth.Requires;
import dev.switchboard.core.themes.ThemeCatalog;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Themes an agency can choose. */
@Requires(Permission.SELF)
@Path("/themes")
@Tag(name = "Themes", description = "White-label themes")
@Produces(MediaType.APPLICATION_JSON)
public class ThemeResource {

    @Inject
    ThemeCatalog themes;

    /** A theme as the chooser lists it. */
    public record ThemeView(String id, String name, String parent) {
    }

    @Operation(operationId = "listThemes", summary = "The themes to choose from")
    @GET
    public List<ThemeView> list() {
        return themes.all().stream().map(theme -> new ThemeView(theme.id(), theme.name(), theme.parent())).toList();
    }
}
