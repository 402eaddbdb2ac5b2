package dev.switchboard.core.crm.contacts;

import java.util.Set;

/** What a client sends to create a contact. */
public record NewContact(String firstName, String lastName, String email, Set<String> tags) {
}
