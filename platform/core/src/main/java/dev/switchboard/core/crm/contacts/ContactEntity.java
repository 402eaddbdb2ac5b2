package dev.switchboard.core.crm.contacts;

import dev.switchboard.core.crm.PhoneNumbers;
import dev.switchboard.core.db.JsonbConverter;
import dev.switchboard.core.db.NullableUuidConverter;
import dev.switchboard.core.db.TextArrayConverter;
import dev.switchboard.core.db.UuidArrayConverter;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A contact's row. The service ({@link Contacts}) is the only writer; the API sees {@link Contact}. */
@Entity
@Table(name = "contact")
public class ContactEntity {

    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}]+");

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "location_id", nullable = false, updatable = false)
    UUID locationId;

    @Column(name = "first_name")
    String firstName;

    @Column(name = "last_name")
    String lastName;

    @Column(name = "name")
    String name;

    @Column(name = "email")
    String email;

    @Convert(converter = TextArrayConverter.class)
    @Column(name = "additional_emails", nullable = false)
    List<String> additionalEmails = new ArrayList<>();

    @Column(name = "phone")
    String phone;

    @Convert(converter = TextArrayConverter.class)
    @Column(name = "additional_phones", nullable = false)
    List<String> additionalPhones = new ArrayList<>();

    @Column(name = "company_name")
    String companyName;

    @Convert(converter = NullableUuidConverter.class)
    @Column(name = "company_id")
    UUID companyId;

    @Column(name = "address1")
    String address1;

    @Column(name = "city")
    String city;

    @Column(name = "state")
    String state;

    @Column(name = "postal_code")
    String postalCode;

    @Column(name = "country")
    String country;

    @Column(name = "timezone")
    String timezone;

    @Column(name = "website")
    String website;

    @Column(name = "date_of_birth")
    LocalDate dateOfBirth;

    @Column(name = "source")
    String source;

    @Convert(converter = NullableUuidConverter.class)
    @Column(name = "assigned_to")
    UUID assignedTo;

    @Convert(converter = TextArrayConverter.class)
    @Column(name = "tags", nullable = false)
    List<String> tags = new ArrayList<>();

    @Column(name = "dnd", nullable = false)
    boolean dnd;

    @Column(name = "dnd_sms", nullable = false)
    boolean dndSms;

    @Column(name = "dnd_email", nullable = false)
    boolean dndEmail;

    @Column(name = "dnd_call", nullable = false)
    boolean dndCall;

    @Column(name = "dnd_whatsapp", nullable = false)
    boolean dndWhatsapp;

    @Convert(converter = JsonbConverter.class)
    @Column(name = "custom_fields", nullable = false)
    JsonObject customFields = JsonValue.EMPTY_JSON_OBJECT;

    @Convert(converter = UuidArrayConverter.class)
    @Column(name = "followers", nullable = false)
    List<UUID> followers = new ArrayList<>();

    /** What full-text search reads (the database turns it into the indexed {@code search} vector). */
    @Column(name = "search_text", nullable = false)
    String searchText = "";

    @Column(name = "created_at", nullable = false, updatable = false)
    OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    @Column(name = "deleted_at")
    OffsetDateTime deletedAt;

    @Convert(converter = NullableUuidConverter.class)
    @Column(name = "merged_into")
    UUID mergedInto;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    protected ContactEntity() {
    }

    ContactEntity(UUID id, UUID locationId, OffsetDateTime now) {
        this.id = id;
        this.locationId = locationId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A detached copy, to change without changing this one (an import's row that may be refused). */
    ContactEntity copy() {
        ContactEntity copy = new ContactEntity(id, locationId, createdAt);
        copy.firstName = firstName;
        copy.lastName = lastName;
        copy.name = name;
        copy.email = email;
        copy.additionalEmails = new ArrayList<>(additionalEmails);
        copy.phone = phone;
        copy.additionalPhones = new ArrayList<>(additionalPhones);
        copy.companyName = companyName;
        copy.companyId = companyId;
        copy.address1 = address1;
        copy.city = city;
        copy.state = state;
        copy.postalCode = postalCode;
        copy.country = country;
        copy.timezone = timezone;
        copy.website = website;
        copy.dateOfBirth = dateOfBirth;
        copy.source = source;
        copy.assignedTo = assignedTo;
        copy.tags = new ArrayList<>(tags);
        copy.dnd = dnd;
        copy.dndSms = dndSms;
        copy.dndEmail = dndEmail;
        copy.dndCall = dndCall;
        copy.dndWhatsapp = dndWhatsapp;
        copy.customFields = customFields;
        copy.followers = new ArrayList<>(followers);
        copy.searchText = searchText;
        copy.updatedAt = updatedAt;
        copy.deletedAt = deletedAt;
        copy.mergedInto = mergedInto;
        copy.version = version;
        return copy;
    }

    /**
     * Recomputes what search reads: names, emails (whole, and each word of them), phones (digits with
     * and without the country code) and company, lower-cased.
     */
    void refreshSearchText() {
        List<String> words = new ArrayList<>();
        Stream.of(firstName, lastName, name, companyName).filter(Objects::nonNull).forEach(words::add);
        Stream.concat(Stream.ofNullable(email), additionalEmails.stream()).forEach(words::add);
        Stream.concat(Stream.ofNullable(phone), additionalPhones.stream()).forEach(number -> {
            words.add(number.substring(1));
            words.add(PhoneNumbers.nationalDigits(number));
        });
        Set<String> terms = new LinkedHashSet<>();
        for (String word : words) {
            String lower = word.toLowerCase(Locale.ROOT);
            terms.add(lower);
            terms.addAll(List.of(WORD_BREAK.split(lower)));
        }
        terms.remove("");
        searchText = String.join(" ", terms);
    }
}
