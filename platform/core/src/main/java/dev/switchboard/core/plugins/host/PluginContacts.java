package dev.switchboard.core.plugins.host;

import dev.switchboard.api.PluginException;
import dev.switchboard.api.host.Contact;
import dev.switchboard.api.host.Contacts;
import dev.switchboard.core.crm.Actor;
import dev.switchboard.core.crm.contacts.ContactQuery;
import dev.switchboard.core.crm.contacts.ContactSearch;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.db.InTransaction;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The contacts service as a plugin sees it: the CRM's own service, in the call's location scope (so
 * row-level security holds whatever id the plugin passes), with the plugin as the actor in the
 * contact's history. Refusals come back as {@link PluginException}s naming what is wrong.
 */
final class PluginContacts implements Contacts {

    private final dev.switchboard.core.crm.contacts.Contacts contacts;
    private final ContactSearch search;
    private final InTransaction transaction;
    private final LocationId locationId;
    private final Actor actor;

    PluginContacts(dev.switchboard.core.crm.contacts.Contacts contacts, ContactSearch search, InTransaction transaction,
                   LocationId locationId, String pluginId) {
        this.contacts = contacts;
        this.search = search;
        this.transaction = transaction;
        this.locationId = locationId;
        this.actor = Actor.plugin(pluginId);
    }

    @Override
    public Optional<Contact> get(String contactId) {
        Optional<UUID> id = uuid(contactId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return inScope(() -> contacts.find(locationId, id.get()).map(PluginContact::new));
    }

    @Override
    public List<Contact> search(String query, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_SEARCH_RESULTS));
        return inScope(() -> search.list(locationId, new ContactQuery(query, List.of(), null, null, false, size,
                null, false)).items().stream().<Contact>map(PluginContact::new).toList());
    }

    @Override
    public Optional<Contact> findByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        String wanted = email.trim().toLowerCase(Locale.ROOT);
        return search(wanted, MAX_SEARCH_RESULTS).stream()
                .filter(contact -> contact.email() != null && contact.email().equalsIgnoreCase(wanted)).findFirst();
    }

    @Override
    public Optional<Contact> findByPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return Optional.empty();
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() < 6) {
            return Optional.empty();
        }
        return search(digits, MAX_SEARCH_RESULTS).stream()
                .filter(contact -> contact.phone() != null && contact.phone().replaceAll("\\D", "").endsWith(digits))
                .findFirst();
    }

    @Override
    public Contact update(String contactId, Map<String, String> fields) throws PluginException {
        UUID id = uuid(contactId).orElseThrow(() -> new PluginException("no contact " + contactId));
        JsonObject patch = patch(fields);
        return changed(() -> contacts.patch(locationId, id, patch, actor));
    }

    @Override
    public Contact create(Map<String, String> fields) throws PluginException {
        JsonObject body = patch(fields);
        return changed(() -> contacts.create(locationId, body, actor).contact());
    }

    @Override
    public Contact addTags(String contactId, Set<String> tags) throws PluginException {
        UUID id = uuid(contactId).orElseThrow(() -> new PluginException("no contact " + contactId));
        dev.switchboard.core.crm.contacts.Contact result = null;
        for (String tag : tags) {
            result = changedCore(() -> contacts.addTag(locationId, id, tag, actor));
        }
        return result == null ? get(contactId).orElseThrow(() -> new PluginException("no contact " + contactId))
                : new PluginContact(result);
    }

    @Override
    public Contact removeTags(String contactId, Set<String> tags) throws PluginException {
        UUID id = uuid(contactId).orElseThrow(() -> new PluginException("no contact " + contactId));
        dev.switchboard.core.crm.contacts.Contact result = null;
        for (String tag : tags) {
            result = changedCore(() -> contacts.removeTag(locationId, id, tag, actor));
        }
        return result == null ? get(contactId).orElseThrow(() -> new PluginException("no contact " + contactId))
                : new PluginContact(result);
    }

    /** Fields as a merge patch: {@code customFields.<key>} nested, an empty value clearing the field. */
    private static JsonObject patch(Map<String, String> fields) {
        JsonObjectBuilder patch = Json.createObjectBuilder();
        JsonObjectBuilder custom = Json.createObjectBuilder();
        boolean anyCustom = false;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String name = field.getKey();
            String value = field.getValue();
            if (name.startsWith("customFields.")) {
                anyCustom = true;
                String key = name.substring("customFields.".length());
                if (value == null || value.isEmpty()) {
                    custom.addNull(key);
                } else {
                    custom.add(key, value);
                }
            } else if (value == null || value.isEmpty()) {
                patch.addNull(name);
            } else if (name.equals("dnd")) {
                patch.add(name, Boolean.parseBoolean(value));
            } else {
                patch.add(name, value);
            }
        }
        if (anyCustom) {
            patch.add("customFields", custom);
        }
        return patch.build();
    }

    private Contact changed(Supplier<dev.switchboard.core.crm.contacts.Contact> change) throws PluginException {
        return new PluginContact(changedCore(change));
    }

    private dev.switchboard.core.crm.contacts.Contact changedCore(
            Supplier<dev.switchboard.core.crm.contacts.Contact> change) throws PluginException {
        try (DatabaseScope scope = DatabaseScope.location(locationId.value())) {
            return transaction.get(change);
        } catch (ProblemException e) {
            throw new PluginException(e.problem().detail() == null ? e.problem().title() : e.problem().detail());
        }
    }

    /** Reads in the location's scope, in a transaction: the persistence context needs one on a plugin's thread. */
    private <T> T inScope(Supplier<T> read) {
        try (DatabaseScope scope = DatabaseScope.location(locationId.value())) {
            return transaction.get(read);
        }
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
