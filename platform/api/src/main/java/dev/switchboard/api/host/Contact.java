package dev.switchboard.api.host;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/** A contact as a plugin sees it. Provided by the host; new fields arrive as new methods. */
@ProviderType
public interface Contact {

    String id();

    /** {@code null} when not set, as for every optional field. */
    String firstName();

    String lastName();

    /** First and last name, or the email when both are empty. */
    String name();

    String email();

    /** E.164, e.g. {@code +14155550100}. */
    String phone();

    String companyName();

    /** IANA time zone of the contact, or {@code null}. */
    String timezone();

    Set<String> tags();

    /** Whether the contact asked not to be contacted on any channel. */
    boolean doNotDisturb();

    /** Any standard field by its API name ({@code city}, {@code source}, …), as text. */
    Optional<String> field(String name);

    /** Custom field values by field key, as text. */
    Map<String, String> customFields();
}
