package dev.switchboard.bpmn.actions.builtin;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.action.NoOutput;
import dev.switchboard.api.schema.Field;
import dev.switchboard.core.crm.contacts.Contacts;
import dev.switchboard.core.crm.fields.CustomField;
import dev.switchboard.core.crm.fields.CustomFields;
import dev.switchboard.core.crm.fields.FieldModel;
import dev.switchboard.core.plugins.actions.BuiltInAction;
import dev.switchboard.core.plugins.actions.BuiltInStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.switchboard.core.json.Json;
import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * Sets one field of the run's contact: a standard field by its API name ({@code firstName},
 * {@code city}, …) or a custom field by its key. The value is text, converted to the custom field's
 * type; an empty value clears the field. The contact's own checks apply, as through the API.
 */
@ApplicationScoped
@Action(id = "contact.update_field", name = "Update contact field",
        description = "Sets a standard or custom field of the contact; an empty value clears it",
        input = UpdateFieldAction.Input.class)
public class UpdateFieldAction implements BuiltInAction<UpdateFieldAction.Input, NoOutput> {

    public record Input(
            @Field(title = "Field", required = true, maxLength = 100, example = "city",
                    description = "A standard field's API name (firstName, city, …) or a custom field's key") String field,
            @Field(title = "Value", maxLength = 10_000, example = "{{contact.city}}",
                    description = "Text; merge fields allowed; empty clears the field") String value) {
    }

    @Inject
    Contacts contacts;

    @Inject
    CustomFields customFields;

    @Override
    public NoOutput run(Input input, BuiltInStep step) {
        String field = input.field().trim();
        String value = input.value() == null ? "" : input.value();
        Optional<CustomField> custom = customFields.list(step.locationId(), FieldModel.CONTACT).stream()
                .filter(candidate -> candidate.key().equals(field)).findFirst();
        JsonObject patch = custom.isPresent()
                ? Json.createObjectBuilder().add("customFields", Json.createObjectBuilder()
                        .add(field, FieldValues.typed(custom.get(), value))).build()
                : Json.createObjectBuilder().add(field, FieldValues.text(value)).build();
        contacts.patch(step.locationId(), step.requireContact(), patch, step.actor());
        step.summarize(value.isEmpty() ? "cleared " + field : "set " + field);
        return null;
    }
}
