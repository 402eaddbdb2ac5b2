package dev.switchboard.acceptance.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.CrmBrowserScript;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's CRM views in a real browser (Debian's Chromium driven by Playwright, see
 * modeler-ui/e2e/crm.browser.test.mjs): a contact created from the list after its invalid email was
 * refused next to the email field, found by search, edited in place with the change in its timeline;
 * a custom field created in the settings and given a value on the contact page; two contacts tagged
 * at once, one deleted after a confirmation and restored from the trash; a duplicate merged from the
 * contact page; the CRM settings changed; a read-only user who sees all that and no control to change
 * it; a custom field with values deleted after the server's 409 was confirmed. Then the API shows
 * what the browser did.
 */
@ExtendWith(PlatformExtension.class)
class CrmConsoleBrowserIT {

    @Test
    void contactsCustomFieldsAndSettingsWorkInTheBrowserAndAReadOnlyUserChangesNothing(RunningPlatform platform,
                                                                                       TestLocation location) throws Exception {
        ApiClient api = location.api();
        CrmBrowserScript.run(platform, location, "crm.browser.test.mjs");

        List<JsonNode> contacts = items(api.get(location.path("contacts?limit=100")).json());
        assertThat(contacts).extracting(c -> c.get("name").asText())
                .anySatisfy(name -> assertThat(name).startsWith("Grace Hopper"))
                .filteredOn(name -> name.startsWith("Bulk ")).hasSize(2);
        assertThat(contacts).filteredOn(c -> c.get("name").asText().startsWith("Grace Hopper"))
                .singleElement().satisfies(c -> assertThat(c.get("source").asText()).isEqualTo("webinar"));
        assertThat(contacts).filteredOn(c -> c.get("name").asText().startsWith("Bulk "))
                .allSatisfy(c -> assertThat(c.get("tags")).anySatisfy(tag -> assertThat(tag.asText()).startsWith("vip-")));
        assertThat(contacts).filteredOn(c -> c.get("name").asText().startsWith("Ada Primary"))
                .singleElement().satisfies(c -> assertThat(c.get("tags")).extracting(JsonNode::asText)
                        .contains("customer", "webinar"));
        assertThat(items(api.get(location.path("contacts?deleted=true")).json()))
                .as("the merged duplicate is the only deleted contact").extracting(c -> c.get("name").asText())
                .singleElement().satisfies(name -> assertThat(name).startsWith("Ada Duplicate"));
        assertThat(api.get(location.path("custom-fields?model=contact")).json()).as("the field was deleted again").isEmpty();
        assertThat(api.get(location.path("crm-settings")).json().get("timezone").asText()).isEqualTo("Europe/Berlin");
        for (String screenshot : List.of("crm-01-contact-email-refused.png", "crm-04-edited-in-place.png",
                "crm-06-custom-value.png", "crm-08-bulk-delete-confirm.png", "crm-10-restored.png", "crm-12-merged.png",
                "crm-14-read-only-contact.png", "crm-16-field-delete-confirm.png")) {
            assertThat(CrmBrowserScript.screenshots().resolve(screenshot)).exists();
        }
    }

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }
}
