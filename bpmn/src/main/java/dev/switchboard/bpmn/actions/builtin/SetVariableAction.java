package dev.switchboard.bpmn.actions.builtin;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.action.NoOutput;
import dev.switchboard.api.schema.Field;
import dev.switchboard.core.plugins.actions.BuiltInAction;
import dev.switchboard.core.plugins.actions.BuiltInStep;
import jakarta.enterprise.context.ApplicationScoped;

/** Sets a run variable by name, for later conditions and inputs; merge fields in the value are rendered. */
@ApplicationScoped
@Action(id = "workflow.set_variable", name = "Set run variable",
        description = "Stores a value under a name that later conditions (= name) and steps can use",
        input = SetVariableAction.Input.class)
public class SetVariableAction implements BuiltInAction<SetVariableAction.Input, NoOutput> {

    public record Input(
            @Field(title = "Name", required = true, maxLength = 64, example = "plan",
                    description = "A letter or _ first, then letters, digits or _") String name,
            @Field(title = "Value", maxLength = BuiltInStep.MAX_VARIABLE_VALUE, example = "{{contact.customFields.plan}}")
            String value) {
    }

    @Override
    public NoOutput run(Input input, BuiltInStep step) {
        step.setVariable(input.name().trim(), input.value());
        step.summarize("set " + input.name().trim());
        return null;
    }
}
