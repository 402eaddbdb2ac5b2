package dev.switchboard.bpmn.actions.builtin;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.schema.Field;
import dev.switchboard.core.crm.contacts.Contacts;
import dev.switchboard.core.plugins.actions.ActionFailure;
import dev.switchboard.core.plugins.actions.BuiltInAction;
import dev.switchboard.core.plugins.actions.BuiltInStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.switchboard.core.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Arrays;

/**
 * Creates a contact, or updates the one the location's duplicate policy matches by email or phone,
 * exactly as {@code POST /contacts} does: a referral's details from a form, a spouse, a colleague.
 */
@ApplicationScoped
@Action(id = "contact.upsert", name = "Create or update contact",
        description = "Creates a contact, or updates the one with the same email or phone",
        input = UpsertContactAction.Input.class, output = UpsertContactAction.Output.class)
public class UpsertContactAction implements BuiltInAction<UpsertContactAction.Input, UpsertContactAction.Output> {

    public record Input(
            @Field(title = "First name", maxLength = Contacts.MAX_NAME) String firstName,
            @Field(title = "Last name", maxLength = Contacts.MAX_NAME) String lastName,
            @Field(title = "Email", maxLength = 320) String email,
            @Field(title = "Phone", maxLength = 40) String phone,
            @Field(title = "Tags", maxLength = 2000, description = "Comma-separated") String tags,
            @Field(title = "Source", maxLength = Contacts.MAX_SOURCE) String source) {
    }

    public record Output(@Field(title = "Contact id") String contactId,
                         @Field(title = "Created", description = "Whether a new contact was created") boolean created) {
    }

    @Inject
    Contacts contacts;

    @Override
    public Output run(Input input, BuiltInStep step) {
        if (blank(input.email()) && blank(input.phone()) && blank(input.firstName()) && blank(input.lastName())) {
            throw new ActionFailure("give the contact at least a name, an email or a phone");
        }
        JsonObjectBuilder body = Json.createObjectBuilder();
        put(body, "firstName", input.firstName());
        put(body, "lastName", input.lastName());
        put(body, "email", input.email());
        put(body, "phone", input.phone());
        put(body, "source", input.source());
        if (!blank(input.tags())) {
            JsonArrayBuilder tags = Json.createArrayBuilder();
            Arrays.stream(input.tags().split(",")).map(String::trim).filter(tag -> !tag.isEmpty()).forEach(tags::add);
            body.add("tags", tags);
        }
        Contacts.Upserted upserted = contacts.create(step.locationId(), body.build(), step.actor());
        step.summarize((upserted.created() ? "created contact " : "updated contact ") + upserted.contact().id());
        return new Output(upserted.contact().id().toString(), upserted.created());
    }

    private static void put(JsonObjectBuilder body, String name, String value) {
        if (!blank(value)) {
            body.add(name, value.trim());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
