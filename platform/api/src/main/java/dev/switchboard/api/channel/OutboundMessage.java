package dev.switchboard.api.channel;

import dev.switchboard.api.host.Contact;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** A message to send to a contact. Provided by the host. */
@ProviderType
public interface OutboundMessage {

    /** The platform's id of the message. */
    String messageId();

    /** The contact it goes to; the channel picks the address it needs (phone, email). */
    Contact contact();

    String body();

    /** A subject, for channels that have one. */
    Optional<String> subject();

    /** The same for every attempt to send this message: pass it to the vendor as its idempotency key. */
    String idempotencyKey();
}
