package dev.switchboard.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCatalogTest {

    private final EventCatalog catalog = new EventCatalog();

    @Test
    void declaresThePlatformsEventTypesOnce() {
        assertThat(catalog.types()).extracting(EventType::name)
                .containsExactlyInAnyOrder("contact.created", "contact.updated", "contact.deleted", "contact.merged",
                        "contact.tag_added", "contact.tag_removed", "contact.custom_field_changed", "contact.dnd_changed",
                        "note.created", "task.created", "task.completed", "opportunity.created", "opportunity.stage_changed",
                        "opportunity.status_changed", "opportunity.value_changed", "conversation.message_received");
        assertThat(catalog.find("contact.tag_added")).contains(EventCatalog.CONTACT_TAG_ADDED);
        assertThat(catalog.find("contact.teleported")).isEmpty();
    }

    @Test
    void everyCrmEventNamesItsContactAndAFilterableFlatPayload() {
        catalog.check(EventCatalog.OPPORTUNITY_STAGE_CHANGED, Json.createObjectBuilder()
                .add("contactId", "0f9c3c52-4a4e-4c8f-9d55-3f2f6a0e7b11").add("opportunityId", "1f9c3c52-4a4e-4c8f-9d55-3f2f6a0e7b11")
                .add("pipelineId", "2f9c3c52-4a4e-4c8f-9d55-3f2f6a0e7b11").add("pipelineName", "Sales")
                .add("toStageId", "3f9c3c52-4a4e-4c8f-9d55-3f2f6a0e7b11").add("toStageName", "Won").build());
        assertThatThrownBy(() -> catalog.check(EventCatalog.CONTACT_UPDATED,
                Json.createObjectBuilder().add("fields", Json.createArrayBuilder().add("email")).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contactId");
    }

    @Test
    void acceptsAPayloadThatMatchesItsSchema() {
        catalog.check(EventCatalog.CONTACT_TAG_ADDED, Json.createObjectBuilder()
                .add("contactId", "0f9c3c52-4a4e-4c8f-9d55-3f2f6a0e7b11").add("tag", "lead").build());
    }

    @Test
    void refusesAPayloadThatDoesNotMatchItsSchemaNamingWhatIsWrong() {
        assertThatThrownBy(() -> catalog.check(EventCatalog.CONTACT_TAG_ADDED,
                Json.createObjectBuilder().add("contactId", "0f9c3c52-4a4e-4c8f-9d55-3f2f6a0e7b11").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tag");
        assertThatThrownBy(() -> catalog.check(EventCatalog.CONTACT_CREATED,
                Json.createObjectBuilder().add("contactId", "x").add("extra", 1).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contact.created");
    }

    @Test
    void refusesAnUndeclaredTypeOrVersion() {
        EventType future = new EventType("contact.created", 2, "", "{}");

        assertThatThrownBy(() -> catalog.check(future, Json.createObjectBuilder().build()))
                .hasMessageContaining("contact.created v2 is not declared");
    }

    @Test
    void typesOfASourceComeAndGoWithItsDeclarationsAndAreCheckedLikeThePlatformsOwn() {
        List<EventType> declared = new ArrayList<>();
        EventCatalog withPlugins = new EventCatalog(List.of(() -> declared));
        EventType received = new EventType("webhook.received", 1, "A webhook was received", """
                {"type": "object", "additionalProperties": false,
                 "properties": {"body": {"type": "string", "maxLength": 10}}}""");
        assertThat(withPlugins.find("webhook.received")).isEmpty();

        declared.add(received);

        assertThat(withPlugins.types()).contains(received).contains(EventCatalog.CONTACT_CREATED);
        assertThat(withPlugins.find("webhook.received")).contains(received);
        withPlugins.check(received, Json.createObjectBuilder().add("body", "short").build());
        assertThatThrownBy(() -> withPlugins.check(received, Json.createObjectBuilder().add("body", "far too long").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("webhook.received");
        declared.clear();
        assertThatThrownBy(() -> withPlugins.check(received, Json.createObjectBuilder().build()))
                .hasMessageContaining("webhook.received v1 is not declared");
    }

    @Test
    void aSourceCannotRedeclareAPlatformType() {
        EventType fake = new EventType("contact.created", 1, "", "{}");
        EventCatalog withPlugins = new EventCatalog(List.of(() -> List.of(fake)));

        assertThat(withPlugins.find("contact.created")).contains(EventCatalog.CONTACT_CREATED);
        assertThat(withPlugins.types()).filteredOn(type -> type.name().equals("contact.created")).hasSize(1);
    }
}
