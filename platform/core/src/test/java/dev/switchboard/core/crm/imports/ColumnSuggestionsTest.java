package dev.switchboard.core.crm.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.crm.fields.CustomField;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ColumnSuggestionsTest {

    private static final ColumnSuggestions SUGGESTIONS = new ColumnSuggestions(List.of(
            field("plan", "Membership Plan", "singleOption"), field("seats", "Seats", "number"),
            field("email_opt_in", "Email", "checkbox")));

    @Test
    void goHighLevelsExportColumnsGoToTheirFields() {
        assertSuggested("Contact Id", null);
        assertSuggested("First Name", "firstName");
        assertSuggested("Last Name", "lastName");
        assertSuggested("Name", "name");
        assertSuggested("Phone", "phone");
        assertSuggested("Email", "email");
        assertSuggested("Business Name", "companyName");
        assertSuggested("Created", "createdAt");
        assertSuggested("Last Activity", null);
        assertSuggested("Tags", "tags");
        assertSuggested("Additional Emails", "additionalEmails");
        assertSuggested("Additional Phones", "additionalPhones");
        assertSuggested("Address", "address1");
        assertSuggested("City", "city");
        assertSuggested("State", "state");
        assertSuggested("Postal Code", "postalCode");
        assertSuggested("Country", "country");
        assertSuggested("Source", "source");
        assertSuggested("DND", "dnd");
    }

    @Test
    void namesAreComparedIgnoringCaseSpacesPunctuationAndAccents() {
        assertSuggested("first_name", "firstName");
        assertSuggested("FIRST-NAME", "firstName");
        assertSuggested("  firstName ", "firstName");
        assertSuggested("E-mail Address", "email");
        assertSuggested("Zip Code", "postalCode");
        assertSuggested("Date of Birth", "dateOfBirth");
        assertSuggested("Télephone", "phone");
    }

    @Test
    void customFieldsAreFoundByKeyOrNameAndStandardFieldsComeFirst() {
        assertSuggested("Membership plan", "customFields.plan");
        assertSuggested("PLAN", "customFields.plan");
        assertSuggested("customFields.seats", "customFields.seats");
        assertSuggested("Seats", "customFields.seats");
        assertSuggested("Email", "email");
        assertSuggested("email_opt_in", "customFields.email_opt_in");
        assertSuggested("Favourite colour", null);
    }

    private static void assertSuggested(String column, String target) {
        assertThat(SUGGESTIONS.suggest(column).orElse(null)).as(column).isEqualTo(target);
    }

    private static CustomField field(String key, String name, String type) {
        return new CustomField(UUID.randomUUID(), "contact", key, name, type, List.of(), false, null, null, 0, null, null);
    }
}
