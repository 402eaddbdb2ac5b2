package dev.switchboard.core.crm.companies;

import dev.switchboard.core.db.JsonbConverter;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A company's row. {@link Companies} is the only writer; the API sees {@link Company}. */
@Entity
@Table(name = "company")
public class CompanyEntity {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "location_id", nullable = false, updatable = false)
    UUID locationId;

    @Column(name = "name", nullable = false)
    String name;

    @Column(name = "domain")
    String domain;

    @Column(name = "phone")
    String phone;

    @Column(name = "email")
    String email;

    @Column(name = "website")
    String website;

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

    @Convert(converter = JsonbConverter.class)
    @Column(name = "custom_fields", nullable = false)
    JsonObject customFields = JsonValue.EMPTY_JSON_OBJECT;

    @Column(name = "created_at", nullable = false, updatable = false)
    OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    protected CompanyEntity() {
    }

    CompanyEntity(UUID id, UUID locationId, OffsetDateTime now) {
        this.id = id;
        this.locationId = locationId;
        this.createdAt = now;
        this.updatedAt = now;
    }
}
