package dev.switchboard.bpmn.actions.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.crm.fields.CustomField;
import dev.switchboard.core.plugins.actions.ActionFailure;
import dev.switchboard.core.plugins.actions.BuiltInStep;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FieldValuesTest {

    @Test
    void textBecomesTheCustomFieldsType() {
        assertThat(FieldValues.typed(field("number"), " 42.50 ").toString()).isEqualTo("42.50");
        assertThat(FieldValues.typed(field("money"), "19.99").toString()).isEqualTo("19.99");
        assertThat(FieldValues.typed(field("checkbox"), "Yes")).isEqualTo(JsonValue.TRUE);
        assertThat(FieldValues.typed(field("checkbox"), "0")).isEqualTo(JsonValue.FALSE);
        assertThat(FieldValues.typed(field("multipleOptions"), "red, ,blue").toString()).isEqualTo("[\"red\",\"blue\"]");
        assertThat(FieldValues.typed(field("date"), "2026-12-01").toString()).isEqualTo("\"2026-12-01\"");
        assertThat(FieldValues.typed(field("text"), " kept as written ").toString()).isEqualTo("\" kept as written \"");
    }

    @Test
    void emptyClearsAndWrongTextIsRefusedNamingTheField() {
        assertThat(FieldValues.typed(field("number"), "  ")).isEqualTo(JsonValue.NULL);
        assertThat(FieldValues.text("")).isEqualTo(JsonValue.NULL);
        assertThatThrownBy(() -> FieldValues.typed(field("number"), "forty")).isInstanceOf(ActionFailure.class)
                .hasMessageContaining("'budget' is a number field");
        assertThatThrownBy(() -> FieldValues.typed(field("checkbox"), "maybe")).isInstanceOf(ActionFailure.class)
                .hasMessageContaining("true or false");
    }

    @Test
    void aStepSetsOnlyVariablesFeelCanNameAndThePlatformDoesNotOwn() {
        BuiltInStep step = new BuiltInStep(LocationId.of(UUID.randomUUID()), "run", () -> "flow", "task", UUID.randomUUID(),
                Optional.empty());
        step.setVariable("plan", "gold");
        step.setVariable("_score2", null);
        assertThat(step.variables()).containsEntry("plan", "gold").containsEntry("_score2", "");
        for (String bad : List.of("2plan", "with space", "a-b", "", "x".repeat(65))) {
            assertThatThrownBy(() -> step.setVariable(bad, "v")).as(bad).isInstanceOf(ActionFailure.class);
        }
        assertThatThrownBy(() -> step.setVariable("contactId", "someone else")).isInstanceOf(ActionFailure.class)
                .hasMessageContaining("set by the platform");
        assertThatThrownBy(() -> step.setVariable("big", "x".repeat(BuiltInStep.MAX_VARIABLE_VALUE + 1)))
                .isInstanceOf(ActionFailure.class);
        assertThatThrownBy(step::requireContact).isInstanceOf(ActionFailure.class).hasMessageContaining("no contact");
    }

    private static CustomField field(String type) {
        return new CustomField(UUID.randomUUID(), "contact", "budget", "Budget", type, List.of(), false, null, null, 0, null, null);
    }
}
