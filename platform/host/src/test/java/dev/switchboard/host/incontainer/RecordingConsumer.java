package dev.switchboard.host.incontainer;

import dev.switchboard.core.events.DeliveryOutcome;
import dev.switchboard.core.events.DomainEvent;
import dev.switchboard.core.events.DomainEventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A consumer deployed only with the in-container tests: records each delivery, its contact and thread. */
@ApplicationScoped
public class RecordingConsumer implements DomainEventConsumer {

    static final String NAME = "in-container-recording";

    /** A delivery as it happened. */
    record Delivered(String contactId, String eventId, String thread) {
    }

    private final List<Delivered> delivered = new CopyOnWriteArrayList<>();

    /** What was delivered so far (a method: a client proxy's fields are not the bean's). */
    public List<Delivered> delivered() {
        return List.copyOf(delivered);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DeliveryOutcome deliver(DomainEvent event) {
        String contact = event.payload().get("contactId") instanceof JsonString text ? text.getString() : "";
        try {
            Thread.sleep(5); // long enough for deliveries side by side to overlap
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delivered.add(new Delivered(contact, event.id().toString(), Thread.currentThread().getName()));
        return DeliveryOutcome.DELIVERED;
    }
}
