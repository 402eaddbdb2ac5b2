package dev.switchboard.host.workflows;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.events.EventCatalog;
import dev.switchboard.core.events.EventType;
import dev.switchboard.host.auth.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The event types a workflow can be triggered by or wait for, with the fields their filters may name. */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}/event-types")
@Tag(name = "Workflows", description = "Workflows of a location and their runs")
@Produces(MediaType.APPLICATION_JSON)
public class EventTypeResource {

    @Inject
    EventCatalog catalog;

    /** An event type as a trigger sees it. */
    @Schema(name = "EventTypeInfo")
    public record EventTypeInfo(
            @Schema(example = "contact.tag_added") String name,
            @Schema(example = "1") int version,
            @Schema(example = "A tag was added to a contact") String description,
            @Schema(description = "the payload's fields: what <sb:match field> and event.<field> in <sb:condition> may name;"
                    + " empty when the type declares none", example = "[\"contactId\", \"tag\"]") Set<String> fields,
            @Schema(description = "the payload's JSON Schema") String payloadSchema) {

        static EventTypeInfo of(EventType type) {
            return new EventTypeInfo(type.name(), type.version(), type.description(), type.fields(), type.payloadSchema());
        }
    }

    @Operation(operationId = "listEventTypes",
            summary = "Event types that can trigger a workflow or end its wait: the platform's and the active plugins'")
    @GET
    public List<EventTypeInfo> list() {
        return catalog.types().stream().sorted(Comparator.comparing(EventType::name)).map(EventTypeInfo::of).toList();
    }
}
