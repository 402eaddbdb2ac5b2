package ${package};

import dev.switchboard.api.schema.Field;

/**
 * The inputs of {@code ${actionId}}: each component is one input of the service task. The platform
 * derives a JSON Schema from the {@link Field} annotations (what the task's form is built from) and
 * validates and converts the task's values with it before {@link GreetAction} sees them.
 */
public record GreetInput(
        @Field(title = "Name", description = "Who to greet", required = true, maxLength = 200,
                example = "{{contact.firstName}}") String name,
        @Field(title = "Excited", description = "End with an exclamation mark", defaultValue = "false")
        boolean excited) {
}
