package dev.switchboard.host.boot;

import dev.switchboard.host.auth.Public;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Readiness for load balancers and the launcher: 200 once boot finished, 503 before. */
@Public
@Path("/health")
@Tag(name = "Health", description = "Readiness")
@SecurityRequirements
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    PlatformLifecycle lifecycle;

    @Operation(operationId = "health", summary = "Whether the platform is ready")
    @APIResponse(responseCode = "200", description = "Ready: {\"status\": \"UP\"}")
    @APIResponse(responseCode = "503", description = "Starting: {\"status\": \"STARTING\"}")
    @GET
    public Response health() {
        return lifecycle.ready() ? Response.ok(Map.of("status", "UP")).build()
                : Response.status(503).entity(Map.of("status", "STARTING")).build();
    }
}
