package dev.switchboard.core.crm.fields;

import dev.switchboard.core.db.TextArrayConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A custom field's definition. */
@Entity
@Table(name = "custom_field")
public class CustomFieldEntity {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "location_id", nullable = false)
    UUID locationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "model", nullable = false)
    FieldModel model;

    @Column(name = "field_key", nullable = false)
    String key;

    @Column(name = "name", nullable = false)
    String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "data_type", nullable = false)
    FieldType type;

    @Convert(converter = TextArrayConverter.class)
    @Column(name = "options", nullable = false)
    List<String> options = new ArrayList<>();

    @Column(name = "required", nullable = false)
    boolean required;

    @Column(name = "placeholder")
    String placeholder;

    @Column(name = "group_name")
    String group;

    @Column(name = "position", nullable = false)
    int position;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    protected CustomFieldEntity() {
    }

    CustomField view() {
        return new CustomField(id, model.apiName(), key, name, type.apiName(), List.copyOf(options), required,
                placeholder, group, position, createdAt, updatedAt);
    }
}
