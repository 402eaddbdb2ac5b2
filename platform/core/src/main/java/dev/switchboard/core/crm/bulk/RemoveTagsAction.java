package dev.switchboard.core.crm.bulk;

import jakarta.enterprise.context.ApplicationScoped;

/** {@code {"action": "removeTags", "options": {"tags": ["cold"]}}}. */
@ApplicationScoped
public class RemoveTagsAction extends TagsAction {

    @Override
    public String name() {
        return "removeTags";
    }

    @Override
    public String description() {
        return "Remove tags";
    }

    @Override
    boolean adding() {
        return false;
    }
}
