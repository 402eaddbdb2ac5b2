package dev.switchboard.core.crm.segments;

import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A contact as a segment's export writes it: its standard fields in the order of {@link #FIELDS}, its
 * tags, DND, times, and its custom field values by field id.
 */
public record ExportedContact(UUID id, List<String> fields, List<String> tags, boolean dnd, OffsetDateTime createdAt,
                              OffsetDateTime updatedAt, JsonObject customFields) {

    /** The standard fields, as the export's header names them. */
    public static final List<String> FIELDS = List.of("firstName", "lastName", "name", "email", "phone", "companyName",
            "address1", "city", "state", "postalCode", "country", "source", "website", "timezone", "dateOfBirth");

    static final String SELECT = "c.id, c.first_name, c.last_name, c.name, c.email, c.phone, c.company_name, c.address1, "
            + "c.city, c.state, c.postal_code, c.country, c.source, c.website, c.timezone, c.date_of_birth::text, c.tags, c.dnd, "
            + "c.created_at, c.updated_at, c.custom_fields::text";
}
