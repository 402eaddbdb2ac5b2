package dev.switchboard.api.host;

import dev.switchboard.api.PluginException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/** The contacts of the call's location. */
@ProviderType
public interface Contacts {

    /** Most contacts one search returns. */
    int MAX_SEARCH_RESULTS = 100;

    Optional<Contact> get(String contactId);

    /** Full-text search over names, emails, phone numbers and company, best matches first. */
    List<Contact> search(String query, int limit);

    /** The contact with this email address, if there is one. */
    Optional<Contact> findByEmail(String email);

    /** The contact with this phone number (any format the location's country reads), if there is one. */
    Optional<Contact> findByPhone(String phone);

    /**
     * Changes fields: standard fields by API name, custom fields as {@code customFields.<key>}; an
     * empty value clears the field. The change is validated as the API validates it and recorded in
     * the contact's history with this plugin as the actor.
     *
     * @throws PluginException naming the field when a value is refused
     */
    Contact update(String contactId, Map<String, String> fields) throws PluginException;

    /** Creates a contact (under the location's duplicate policy: an existing match is updated). */
    Contact create(Map<String, String> fields) throws PluginException;

    Contact addTags(String contactId, Set<String> tags) throws PluginException;

    Contact removeTags(String contactId, Set<String> tags) throws PluginException;
}
