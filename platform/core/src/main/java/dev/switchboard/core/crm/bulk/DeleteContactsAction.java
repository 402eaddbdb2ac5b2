package dev.switchboard.core.crm.bulk;

import dev.switchboard.core.crm.Actor;
import dev.switchboard.core.crm.contacts.Contacts;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.UUID;

/**
 * {@code {"action": "delete"}}: deletes the contacts as one delete does (restorable for 30 days, with
 * history and events).
 */
@ApplicationScoped
public class DeleteContactsAction implements BulkAction {

    @Inject
    Contacts contacts;

    @Override
    public String name() {
        return "delete";
    }

    @Override
    public String description() {
        return "Delete the contacts (they can be restored for " + Contacts.RESTORABLE_DAYS + " days)";
    }

    @Override
    public JsonObject schema() {
        return Json.createObjectBuilder().add("type", "object").add("additionalProperties", false).build();
    }

    @Override
    public JsonObject prepare(LocationId locationId, JsonObject options, Violations violations) {
        options.keySet().forEach(key -> violations.at("/options/" + key, "delete takes no options"));
        return Json.createObjectBuilder().build();
    }

    @Override
    public boolean apply(LocationId locationId, UUID contactId, JsonObject options, Actor actor, UUID jobId) {
        if (contacts.find(locationId, contactId).isEmpty()) {
            return false;
        }
        contacts.delete(locationId, contactId, actor);
        return true;
    }
}
