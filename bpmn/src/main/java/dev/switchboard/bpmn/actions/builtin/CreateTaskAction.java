package dev.switchboard.bpmn.actions.builtin;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.schema.Field;
import dev.switchboard.core.crm.tasks.Task;
import dev.switchboard.core.crm.tasks.Tasks;
import dev.switchboard.core.plugins.actions.BuiltInAction;
import dev.switchboard.core.plugins.actions.BuiltInStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.switchboard.core.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Creates a task on the run's contact, due some days after the step and assigned to a user if one is named. */
@ApplicationScoped
@Action(id = "contact.create_task", name = "Create task", description = "Creates a task on the contact",
        input = CreateTaskAction.Input.class, output = CreateTaskAction.Output.class)
public class CreateTaskAction implements BuiltInAction<CreateTaskAction.Input, CreateTaskAction.Output> {

    /** Furthest a task can be due after its step. */
    public static final int MAX_DUE_IN_DAYS = 3650;

    public record Input(
            @Field(title = "Title", required = true, maxLength = Tasks.MAX_TITLE, example = "Call {{contact.firstName}}")
            String title,
            @Field(title = "Details", multiline = true, maxLength = Tasks.MAX_BODY) String body,
            @Field(title = "Due in days", minimum = 0, maximum = MAX_DUE_IN_DAYS,
                    description = "Days after the step; empty for no due date") Integer dueInDays,
            @Field(title = "Assigned to", maxLength = 36, description = "The id of a user of the location")
            String assignedTo) {
    }

    public record Output(@Field(title = "Task id") String taskId) {
    }

    @Inject
    Tasks tasks;

    @Override
    public Output run(Input input, BuiltInStep step) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("title", input.title());
        if (input.body() != null && !input.body().isBlank()) {
            body.add("body", input.body());
        }
        if (input.dueInDays() != null) {
            body.add("dueDate", OffsetDateTime.now(ZoneOffset.UTC).plus(Duration.ofDays(input.dueInDays())).toString());
        }
        if (input.assignedTo() != null && !input.assignedTo().isBlank()) {
            body.add("assignedTo", input.assignedTo().trim());
        }
        Task task = tasks.create(step.locationId(), step.requireContact(), body.build(), null);
        step.summarize("created task '" + input.title() + "'");
        return new Output(task.id().toString());
    }
}
