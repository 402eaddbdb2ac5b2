package dev.switchboard.api.action;

import java.util.Set;

/**
 * A read-only snapshot of a contact, as an action sees it.
 *
 * @param id contact id
 * @param firstName first name, may be {@code null}
 * @param lastName last name, may be {@code null}
 * @param email email address, may be {@code null}
 * @param tags the contact's tags when the step started
 */
public record ContactView(String id, String firstName, String lastName, String email, Set<String> tags) {

    public ContactView {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
