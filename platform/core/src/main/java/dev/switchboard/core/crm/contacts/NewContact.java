package dev.switchboard.core.crm.contacts;

import java.util.List;

/** What a client sends to create a contact. */
public record NewContact(String firstName, String lastName, String email, List<String> tags) {
}
