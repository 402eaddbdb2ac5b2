package dev.switchboard.host.problems;

import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.ProblemType;
import dev.switchboard.host.auth.Public;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Describes each kind of problem at the address its documents name as their {@code type}. */
@Public
@Path("/problems")
@Tag(name = "Problems", description = "The kinds of problem the API answers")
@SecurityRequirements
@Produces(MediaType.APPLICATION_JSON)
public class ProblemTypeResource {

    /**
     * A kind of problem.
     *
     * @param type the URI problem documents of this kind carry
     * @param status the HTTP status they usually come with
     */
    @Schema(name = "ProblemTypeDescription")
    public record Description(String type, String title, int status, String description) {

        static Description of(ProblemType kind) {
            return new Description(kind.uri(), kind.title(), kind.status(), kind.description());
        }
    }

    @Operation(operationId = "listProblemTypes", summary = "Every kind of problem")
    @GET
    public List<Description> all() {
        return Arrays.stream(ProblemType.values()).map(Description::of).toList();
    }

    @Operation(operationId = "getProblemType", summary = "One kind of problem")
    @GET
    @Path("{slug}")
    public Description describe(@PathParam("slug") String slug) {
        return ProblemType.ofSlug(slug).map(Description::of)
                .orElseThrow(() -> ProblemException.notFound("problem type " + slug));
    }
}
