package dev.switchboard.core.crm.contacts;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One row of a file import, checked and normalised as the contact API does (emails lower case, phones
 * E.164, tags lower case, custom field values by type): the fields it gives. A field it does not give is
 * null (an empty list for lists): a new contact leaves it empty, an existing contact keeps its value.
 *
 * @param row the row's number in the file
 * @param customFields values by custom field id, as stored
 * @param createdAt when the contact was created in the system the file comes from; only a new contact takes it
 */
public record ImportedContact(long row, String firstName, String lastName, String name, String email,
                              List<String> additionalEmails, String phone, List<String> additionalPhones,
                              String companyName, String address1, String city, String state, String postalCode,
                              String country, String timezone, String website, LocalDate dateOfBirth, String source,
                              List<String> tags, Boolean dnd, JsonObject customFields, OffsetDateTime createdAt) {

    public ImportedContact {
        additionalEmails = List.copyOf(additionalEmails);
        additionalPhones = List.copyOf(additionalPhones);
        tags = List.copyOf(tags);
    }
}
