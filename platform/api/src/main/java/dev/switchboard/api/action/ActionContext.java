package dev.switchboard.api.action;

import dev.switchboard.api.host.Contact;
import dev.switchboard.api.host.LocationContext;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** What an action sees of one step, and the host's services for the step's location. */
@ProviderType
public interface ActionContext extends LocationContext {

    /** Unique id of this step execution; stable across retries of the same step. */
    String executionId();

    /**
     * The key that makes this step's side effect happen at most once at the vendor: the same for
     * every attempt of one visit of the task (a retry, or a repeat after the node crashed mid-call),
     * different for each visit (a loop that comes back to the task). Pass it on where the vendor
     * takes one: the {@code Idempotency-Key} header, a deterministic email {@code Message-ID}.
     */
    String idempotencyKey();

    /** All inputs of the service task as text, merge fields already rendered. */
    Map<String, String> inputs();

    /** The contact the workflow runs for, when it has one. */
    Optional<Contact> contact();

    /** A line for the step log saying what was done ("sent to ada@example.com"). */
    void summarize(String summary);

    /** The vendor's id for what this step made (a message id), shown with the step and searchable. */
    void vendorReference(String id);
}
