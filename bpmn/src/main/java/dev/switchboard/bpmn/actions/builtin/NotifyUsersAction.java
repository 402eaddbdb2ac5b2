package dev.switchboard.bpmn.actions.builtin;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.schema.Field;
import dev.switchboard.core.crm.contacts.Contact;
import dev.switchboard.core.crm.contacts.Contacts;
import dev.switchboard.core.notifications.Notifications;
import dev.switchboard.core.plugins.actions.ActionFailure;
import dev.switchboard.core.plugins.actions.BuiltInAction;
import dev.switchboard.core.plugins.actions.BuiltInStep;
import dev.switchboard.core.tenancy.LocationUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An internal notification: users of the location see it in the console's bell, linked to the run's
 * contact. Sent to users by id, to the contact's owner ({@code assigned}) or to every user with access
 * to the location ({@code everyone}); users who are disabled or have lost access are left out.
 */
@ApplicationScoped
@Action(id = "notification.send", name = "Internal notification",
        description = "Notifies users of the location in the console",
        input = NotifyUsersAction.Input.class, output = NotifyUsersAction.Output.class)
public class NotifyUsersAction implements BuiltInAction<NotifyUsersAction.Input, NotifyUsersAction.Output> {

    static final String ASSIGNED = "assigned";
    static final String EVERYONE = "everyone";

    public record Input(
            @Field(title = "To", required = true, maxLength = 2000, example = "assigned",
                    description = "User ids, comma-separated; 'assigned' for the contact's owner; 'everyone' for every"
                            + " user with access to the location") String to,
            @Field(title = "Title", required = true, maxLength = Notifications.MAX_TITLE,
                    example = "{{contact.firstName}} replied") String title,
            @Field(title = "Text", multiline = true, maxLength = Notifications.MAX_BODY) String body) {
    }

    public record Output(@Field(title = "Notified", description = "How many users were notified") int notified) {
    }

    @Inject
    Notifications notifications;

    @Inject
    Contacts contacts;

    @Inject
    LocationUsers locationUsers;

    @Override
    public Output run(Input input, BuiltInStep step) {
        Set<UUID> reachable = locationUsers.available();
        Set<UUID> recipients = new LinkedHashSet<>();
        List<UUID> named = new ArrayList<>();
        for (String part : input.to().split(",")) {
            String to = part.trim();
            if (to.isEmpty()) {
                continue;
            }
            if (to.equalsIgnoreCase(EVERYONE)) {
                recipients.addAll(reachable);
            } else if (to.equalsIgnoreCase(ASSIGNED)) {
                owner(step).filter(reachable::contains).ifPresent(recipients::add);
            } else {
                try {
                    named.add(UUID.fromString(to));
                } catch (IllegalArgumentException e) {
                    throw new ActionFailure("'" + to + "' is not a user id, 'assigned' or 'everyone'");
                }
            }
        }
        named.stream().filter(reachable::contains).forEach(recipients::add);
        if (!named.isEmpty() && named.stream().noneMatch(reachable::contains) && recipients.isEmpty()) {
            throw new ActionFailure("none of the " + named.size() + " user(s) can be notified: each is disabled or has no"
                    + " access to this location");
        }
        List<UUID> to = recipients.stream().limit(Notifications.MAX_RECIPIENTS).toList();
        if (to.isEmpty()) {
            step.summarize("no one to notify (the contact has no owner)");
            return new Output(0);
        }
        try {
            notifications.send(step.locationId(), to, input.title(), input.body(), step.contactId().orElse(null),
                    step.runId());
        } catch (IllegalArgumentException e) {
            throw new ActionFailure(e.getMessage());
        }
        step.summarize("notified " + to.size() + " user(s)" + (recipients.size() > to.size()
                ? " (the first " + Notifications.MAX_RECIPIENTS + " of " + recipients.size() + ")" : ""));
        return new Output(to.size());
    }

    private Optional<UUID> owner(BuiltInStep step) {
        return step.contactId().flatMap(id -> contacts.find(step.locationId(), id)).map(Contact::assignedTo);
    }
}
