package dev.switchboard.core.crm.bulk;

import jakarta.enterprise.context.ApplicationScoped;

/** {@code {"action": "addTags", "options": {"tags": ["webinar-2026"]}}}. */
@ApplicationScoped
public class AddTagsAction extends TagsAction {

    @Override
    public String name() {
        return "addTags";
    }

    @Override
    public String description() {
        return "Add tags (each contact's tag events start the workflows they trigger)";
    }

    @Override
    boolean adding() {
        return true;
    }
}
