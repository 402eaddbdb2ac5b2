package dev.switchboard.core.crm.history;

import dev.switchboard.core.crm.Actor;
import dev.switchboard.core.db.JsonValueConverter;
import dev.switchboard.core.db.NullableUuidConverter;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One changed field of a contact or an opportunity. */
@Entity
@Table(name = "change_record")
public class ChangeRecordEntity {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "location_id", nullable = false)
    UUID locationId;

    @Column(name = "change_id", nullable = false)
    UUID changeId;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type", nullable = false)
    History.Subject subjectType;

    @Column(name = "subject_id", nullable = false)
    UUID subjectId;

    @Convert(converter = NullableUuidConverter.class)
    @Column(name = "contact_id")
    UUID contactId;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type", nullable = false)
    Actor.Type actorType;

    @Column(name = "actor_id")
    String actorId;

    @Column(name = "field", nullable = false)
    String field;

    @Convert(converter = JsonValueConverter.class)
    @Column(name = "before_value")
    JsonValue before;

    @Convert(converter = JsonValueConverter.class)
    @Column(name = "after_value")
    JsonValue after;

    @Column(name = "changed_at", nullable = false)
    OffsetDateTime changedAt;

    protected ChangeRecordEntity() {
    }
}
