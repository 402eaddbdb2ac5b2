package dev.switchboard.bpmn.actions.builtin;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.action.NoOutput;
import dev.switchboard.api.schema.Field;
import dev.switchboard.core.crm.Tags;
import dev.switchboard.core.crm.contacts.Contacts;
import dev.switchboard.core.plugins.actions.BuiltInAction;
import dev.switchboard.core.plugins.actions.BuiltInStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Adds a tag to the run's contact; a tag it already has changes nothing. */
@ApplicationScoped
@Action(id = "contact.add_tag", name = "Add tag", description = "Adds a tag to the contact", input = AddTagAction.Input.class)
public class AddTagAction implements BuiltInAction<AddTagAction.Input, NoOutput> {

    public record Input(@Field(title = "Tag", required = true, maxLength = Tags.MAX_LENGTH, example = "hot-lead") String tag) {
    }

    @Inject
    Contacts contacts;

    @Override
    public NoOutput run(Input input, BuiltInStep step) {
        contacts.addTag(step.locationId(), step.requireContact(), input.tag(), step.actor());
        step.summarize("added tag '" + input.tag() + "'");
        return null;
    }
}
