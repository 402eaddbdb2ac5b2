package dev.switchboard.core.plugins.host;

import dev.switchboard.api.host.Contact;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A CRM contact as the SDK shows it to plugins: read-only, fields as text. */
record PluginContact(dev.switchboard.core.crm.contacts.Contact contact) implements Contact {

    @Override
    public String id() {
        return contact.id().toString();
    }

    @Override
    public String firstName() {
        return contact.firstName();
    }

    @Override
    public String lastName() {
        return contact.lastName();
    }

    @Override
    public String name() {
        return contact.name();
    }

    @Override
    public String email() {
        return contact.email();
    }

    @Override
    public String phone() {
        return contact.phone();
    }

    @Override
    public String companyName() {
        return contact.companyName();
    }

    @Override
    public String timezone() {
        return contact.timezone();
    }

    @Override
    public Set<String> tags() {
        return contact.tags() == null ? Set.of() : Set.copyOf(new LinkedHashSet<>(contact.tags()));
    }

    @Override
    public boolean doNotDisturb() {
        return contact.dnd();
    }

    @Override
    public Optional<String> field(String name) {
        if (name == null || name.equals("customFields") || name.equals("locationId")) {
            return Optional.empty();
        }
        for (RecordComponent component : dev.switchboard.core.crm.contacts.Contact.class.getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    Object value = component.getAccessor().invoke(contact);
                    return Optional.ofNullable(value).map(String::valueOf);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read contact field " + name, e);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Map<String, String> customFields() {
        Map<String, String> values = new LinkedHashMap<>();
        if (contact.customFields() != null) {
            contact.customFields().forEach((key, value) -> {
                if (value.getValueType() != JsonValue.ValueType.NULL) {
                    values.put(key, value instanceof JsonString text ? text.getString() : value.toString());
                }
            });
        }
        return values;
    }
}
