package dev.switchboard.bpmn.actions.builtin;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.schema.Field;
import dev.switchboard.core.crm.notes.Note;
import dev.switchboard.core.crm.notes.Notes;
import dev.switchboard.core.plugins.actions.BuiltInAction;
import dev.switchboard.core.plugins.actions.BuiltInStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.switchboard.core.json.Json;

/** Adds a note to the run's contact, written by no user: its timeline shows the run made it. */
@ApplicationScoped
@Action(id = "contact.add_note", name = "Add note", description = "Adds a note to the contact",
        input = AddNoteAction.Input.class, output = AddNoteAction.Output.class)
public class AddNoteAction implements BuiltInAction<AddNoteAction.Input, AddNoteAction.Output> {

    public record Input(@Field(title = "Note", required = true, multiline = true, maxLength = Notes.MAX_BODY,
            example = "Asked for a callback about {{contact.companyName}}") String body) {
    }

    public record Output(@Field(title = "Note id") String noteId) {
    }

    @Inject
    Notes notes;

    @Override
    public Output run(Input input, BuiltInStep step) {
        Note note = notes.create(step.locationId(), step.requireContact(), Json.createObjectBuilder()
                .add("body", input.body()).build(), null);
        step.summarize("added a note");
        return new Output(note.id().toString());
    }
}
