package dev.switchboard.core.crm.values;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A custom value's row. {@link CustomValues} is the only writer; the API sees {@link CustomValue}. */
@Entity
@Table(name = "custom_value")
public class CustomValueEntity {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "location_id", nullable = false, updatable = false)
    UUID locationId;

    @Column(name = "value_key", nullable = false)
    String key;

    @Column(name = "name", nullable = false)
    String name;

    @Column(name = "value", nullable = false)
    String value = "";

    @Column(name = "created_at", nullable = false, updatable = false)
    OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    protected CustomValueEntity() {
    }

    CustomValue view() {
        return new CustomValue(id, key, name, value, createdAt, updatedAt);
    }
}
