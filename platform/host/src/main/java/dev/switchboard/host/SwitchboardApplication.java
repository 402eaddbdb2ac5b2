package dev.switchboard.host;

import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.Problem;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The HTTP API, versioned in its path. The OpenAPI document is served at {@code /openapi}: the build
 * makes it from these annotations and the resources, completed by {@link dev.switchboard.host.openapi.ApiDocumentFilter}
 * (the problems each operation may answer, the members each schema always has). Every error is an
 * {@code application/problem+json} {@link Problem}. Every operation needs the bearer token but those marked public.
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "Switchboard API", version = "1",
        description = "Contacts, plugins and workflows of a Switchboard agency. Authenticate with POST /auth/login, "
                + "then send 'Authorization: Bearer <token>'."),
        components = @Components(schemas = {
                @Schema(name = "Problem", implementation = Problem.class),
                @Schema(name = "FieldError", implementation = FieldError.class)}),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class SwitchboardApplication extends Application {
}
