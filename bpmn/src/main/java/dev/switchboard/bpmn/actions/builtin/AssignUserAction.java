package dev.switchboard.bpmn.actions.builtin;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.schema.Field;
import dev.switchboard.core.crm.contacts.Contact;
import dev.switchboard.core.crm.contacts.Contacts;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.tenancy.LocationUsers;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.plugins.actions.ActionFailure;
import dev.switchboard.core.plugins.actions.BuiltInAction;
import dev.switchboard.core.plugins.actions.BuiltInStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Assigns the run's contact to one of a set of users, in turn: each step of each workflow keeps its own
 * rotation (the position after the user it chose last), and a user who is unavailable (disabled, or
 * without access to the location any more) is skipped. Optionally leaves contacts that have an owner.
 */
@ApplicationScoped
@Action(id = "contact.assign_user", name = "Assign user (round robin)",
        description = "Assigns the contact to the next available user of a set, in turn",
        input = AssignUserAction.Input.class, output = AssignUserAction.Output.class)
public class AssignUserAction implements BuiltInAction<AssignUserAction.Input, AssignUserAction.Output> {

    /** Most users in one rotation. */
    public static final int MAX_USERS = 50;

    public record Input(
            @Field(title = "Users", required = true, maxLength = 2000,
                    description = "The ids of the users to rotate through, comma-separated") String users,
            @Field(title = "Only if unassigned", description = "Leave contacts that have an owner already")
            Boolean onlyIfUnassigned) {
    }

    public record Output(@Field(title = "Assigned to", description = "The user's id; empty when left as it was")
                         String assignedTo) {
    }

    @Inject
    Contacts contacts;

    @Inject
    Database db;

    @Inject
    LocationUsers locationUsers;

    @Override
    public Output run(Input input, BuiltInStep step) {
        UUID contactId = step.requireContact();
        List<UUID> users = users(input.users());
        if (Boolean.TRUE.equals(input.onlyIfUnassigned())) {
            Contact contact = contacts.find(step.locationId(), contactId)
                    .orElseThrow(() -> new ActionFailure("contact " + contactId + " no longer exists"));
            if (contact.assignedTo() != null) {
                step.summarize("already assigned to " + contact.assignedTo());
                return new Output("");
            }
        }
        Set<UUID> available = locationUsers.available();
        String rotation = step.workflowKey() + "/" + step.activityId();
        db.update("INSERT INTO assignment_rotation (location_id, rotation_key) VALUES (?, ?) ON CONFLICT DO NOTHING",
                step.locationId(), rotation);
        // held until the step commits: concurrent runs of the step take their turns one after the other
        long next = db.queryOne("SELECT turns FROM assignment_rotation WHERE location_id = ? AND rotation_key = ? FOR UPDATE",
                row -> row.getLong(1), step.locationId(), rotation).orElseThrow();
        for (int i = 0; i < users.size(); i++) {
            int index = (int) ((next + i) % users.size());
            UUID candidate = users.get(index);
            if (available.contains(candidate)) {
                db.update("UPDATE assignment_rotation SET turns = ?, updated_at = now() WHERE location_id = ? AND rotation_key = ?",
                        index + 1, step.locationId(), rotation);
                contacts.patch(step.locationId(), contactId, Json.createObjectBuilder()
                        .add("assignedTo", candidate.toString()).build(), step.actor());
                step.summarize("assigned to " + candidate + (i > 0 ? " (" + i + " unavailable user(s) skipped)" : ""));
                return new Output(candidate.toString());
            }
        }
        throw new ActionFailure("none of the " + users.size() + " user(s) is available: each is disabled or has no access"
                + " to this location");
    }

    private static List<UUID> users(String text) {
        List<UUID> users = new ArrayList<>();
        for (String part : text.split(",")) {
            String id = part.trim();
            if (id.isEmpty()) {
                continue;
            }
            try {
                UUID user = UUID.fromString(id);
                if (!users.contains(user)) {
                    users.add(user);
                }
            } catch (IllegalArgumentException e) {
                throw new ActionFailure("'" + id + "' is not a user id");
            }
        }
        if (users.isEmpty()) {
            throw new ActionFailure("name at least one user");
        }
        if (users.size() > MAX_USERS) {
            throw new ActionFailure("a rotation has at most " + MAX_USERS + " users");
        }
        return users;
    }
}
