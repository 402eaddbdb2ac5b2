package dev.switchboard.core.crm.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A standard contact field a column can be imported into, by its name in the contact API, with the
 * other names a column is recognised by (GoHighLevel's contact export among them). Custom fields are
 * targets too, named {@code customFields.<key>}.
 */
public enum ImportTarget {
    FIRST_NAME("firstName", Kind.TEXT, "First Name", "Given Name", "Forename"),
    LAST_NAME("lastName", Kind.TEXT, "Last Name", "Surname", "Family Name"),
    NAME("name", Kind.TEXT, "Name", "Full Name", "Contact Name"),
    EMAIL("email", Kind.TEXT, "Email", "E-mail", "Email Address", "E-mail Address", "Primary Email"),
    ADDITIONAL_EMAILS("additionalEmails", Kind.LIST, "Additional Emails", "Additional Email", "Other Emails"),
    PHONE("phone", Kind.TEXT, "Phone", "Phone Number", "Mobile", "Mobile Phone", "Cell", "Telephone", "Primary Phone"),
    ADDITIONAL_PHONES("additionalPhones", Kind.LIST, "Additional Phones", "Additional Phone", "Other Phones"),
    COMPANY_NAME("companyName", Kind.TEXT, "Business Name", "Company", "Company Name", "Organization", "Organisation"),
    ADDRESS1("address1", Kind.TEXT, "Address", "Address 1", "Address Line 1", "Street", "Street Address"),
    CITY("city", Kind.TEXT, "City", "Town"),
    STATE("state", Kind.TEXT, "State", "Province", "Region", "County"),
    POSTAL_CODE("postalCode", Kind.TEXT, "Postal Code", "Zip", "Zip Code", "Postcode", "Post Code"),
    COUNTRY("country", Kind.TEXT, "Country", "Country Code"),
    TIMEZONE("timezone", Kind.TEXT, "Timezone", "Time Zone"),
    WEBSITE("website", Kind.TEXT, "Website", "Web Site", "URL", "Homepage"),
    DATE_OF_BIRTH("dateOfBirth", Kind.TEXT, "Date of Birth", "Birthday", "Birth Date", "DOB"),
    SOURCE("source", Kind.TEXT, "Source", "Lead Source", "Contact Source"),
    TAGS("tags", Kind.LIST, "Tags", "Tag", "Labels"),
    DND("dnd", Kind.TEXT, "DND", "Do Not Disturb"),
    CREATED_AT("createdAt", Kind.TEXT, "Created", "Created At", "Date Created", "Created Date", "Date Added", "Created On");

    /** Whether several columns may go into the target (their values added up) or one only. */
    public enum Kind { TEXT, LIST }

    /** The prefix of a custom field's target: {@code customFields.<key>}. */
    public static final String CUSTOM = "customFields.";

    private final String apiName;
    private final Kind kind;
    private final List<String> aliases;

    ImportTarget(String apiName, Kind kind, String... aliases) {
        this.apiName = apiName;
        this.kind = kind;
        this.aliases = List.of(aliases);
    }

    public String apiName() {
        return apiName;
    }

    public Kind kind() {
        return kind;
    }

    /** The names a column is recognised by, besides the API name. */
    public List<String> aliases() {
        return aliases;
    }

    public static Optional<ImportTarget> ofApiName(String name) {
        return Arrays.stream(values()).filter(target -> target.apiName.equals(name)).findFirst();
    }
}
