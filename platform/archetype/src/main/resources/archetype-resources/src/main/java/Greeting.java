package ${package};

import dev.switchboard.api.schema.Field;

/** The output of {@code ${actionId}}: each component becomes a run variable, {@code <taskId>_text}. */
public record Greeting(@Field(title = "Greeting") String text) {
}
