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

/** Removes a tag from the run's contact; a tag it does not have changes nothing. */
@ApplicationScoped
@Action(id = "contact.remove_tag", name = "Remove tag", description = "Removes a tag from the contact",
        input = RemoveTagAction.Input.class)
public class RemoveTagAction implements BuiltInAction<RemoveTagAction.Input, NoOutput> {

    public record Input(@Field(title = "Tag", required = true, maxLength = Tags.MAX_LENGTH, example = "cold") String tag) {
    }

    @Inject
    Contacts contacts;

    @Override
    public NoOutput run(Input input, BuiltInStep step) {
        contacts.removeTag(step.locationId(), step.requireContact(), input.tag(), step.actor());
        step.summarize("removed tag '" + input.tag() + "'");
        return null;
    }
}
