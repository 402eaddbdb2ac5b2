package dev.switchboard.host.boot;

import dev.switchboard.host.auth.Public;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Readiness for load balancers and the launcher: 200 once boot finished, 503 before. */
@Public
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    PlatformLifecycle lifecycle;

    @GET
    public Response health() {
        return lifecycle.ready() ? Response.ok(Map.of("status", "UP")).build()
                : Response.status(503).entity(Map.of("status", "STARTING")).build();
    }
}
