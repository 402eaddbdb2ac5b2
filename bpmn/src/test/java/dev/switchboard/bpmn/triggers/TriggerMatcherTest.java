package dev.switchboard.bpmn.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TriggerMatcherTest {

    private static final WorkflowTrigger LEAD_TAGGED = new WorkflowTrigger("contact.tag_added", Map.of("tag", "lead"));

    @Test
    void matchesTheEventTypeWithEqualFieldsIgnoringCase() {
        assertThat(TriggerMatcher.matches(LEAD_TAGGED, "contact.tag_added", Map.of("tag", "lead", "contactId", "c1"))).isTrue();
        assertThat(TriggerMatcher.matches(LEAD_TAGGED, "contact.tag_added", Map.of("tag", " LEAD "))).isTrue();
    }

    @Test
    void otherTagsOtherEventsAndMissingFieldsDoNotMatch() {
        assertThat(TriggerMatcher.matches(LEAD_TAGGED, "contact.tag_added", Map.of("tag", "customer"))).isFalse();
        assertThat(TriggerMatcher.matches(LEAD_TAGGED, "contact.created", Map.of("tag", "lead"))).isFalse();
        assertThat(TriggerMatcher.matches(LEAD_TAGGED, "contact.tag_added", Map.of())).isFalse();
    }

    @Test
    void aTriggerWithoutConditionsMatchesEveryEventOfItsType() {
        WorkflowTrigger anyNewContact = new WorkflowTrigger("contact.created", Map.of());

        assertThat(TriggerMatcher.matches(anyNewContact, "contact.created", Map.of("contactId", "c1"))).isTrue();
    }
}
