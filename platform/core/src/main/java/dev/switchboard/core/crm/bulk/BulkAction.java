package dev.switchboard.core.crm.bulk;

import dev.switchboard.core.crm.Actor;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.json.JsonObject;
import java.util.UUID;

/**
 * Something done to every contact of a segment, a filter or a list, as a background job: add or remove
 * tags, start a workflow, delete. Implementations are {@code @ApplicationScoped} CDI beans found by
 * {@link #name()}; a module adds an action by adding one (the workflow engine adds "startWorkflow").
 */
public interface BulkAction {

    /** How a request names the action: {@code "addTags"}. */
    String name();

    /** What it does, for the console's menu. */
    String description();

    /** The JSON Schema of its {@code options}. */
    JsonObject schema();

    /**
     * Checks the request's options before the job is queued, reporting problems at
     * {@code /options/…}; returns them as the job will use them.
     */
    JsonObject prepare(LocationId locationId, JsonObject options, Violations violations);

    /**
     * Does the action to one contact, in the transaction of the job's round (with its checkpoint). A
     * contact the action cannot be done to is refused with a {@code ProblemException}, thrown before
     * anything is written: it becomes one of the job's errors, and the round goes on.
     *
     * @return whether anything changed (a tag the contact already had changes nothing)
     */
    boolean apply(LocationId locationId, UUID contactId, JsonObject options, Actor actor, UUID jobId);
}
