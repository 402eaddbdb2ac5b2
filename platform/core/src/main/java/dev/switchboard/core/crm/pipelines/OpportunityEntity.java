package dev.switchboard.core.crm.pipelines;

import dev.switchboard.core.db.JsonbConverter;
import dev.switchboard.core.db.NullableUuidConverter;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An opportunity's row. {@link Opportunities} is the only writer; the API sees {@link Opportunity}. */
@Entity
@Table(name = "opportunity")
public class OpportunityEntity {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "location_id", nullable = false, updatable = false)
    UUID locationId;

    @Column(name = "name", nullable = false)
    String name;

    @Column(name = "contact_id", nullable = false)
    UUID contactId;

    @Column(name = "pipeline_id", nullable = false)
    UUID pipelineId;

    @Column(name = "pipeline_stage_id", nullable = false)
    UUID pipelineStageId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    OpportunityStatus status = OpportunityStatus.OPEN;

    /** Two decimals; absent when the opportunity has no value yet. */
    @Column(name = "monetary_value")
    BigDecimal monetaryValue;

    @Column(name = "currency")
    String currency;

    @Convert(converter = NullableUuidConverter.class)
    @Column(name = "assigned_to")
    UUID assignedTo;

    @Column(name = "source")
    String source;

    @Column(name = "lost_reason")
    String lostReason;

    @Convert(converter = JsonbConverter.class)
    @Column(name = "custom_fields", nullable = false)
    JsonObject customFields = JsonValue.EMPTY_JSON_OBJECT;

    @Column(name = "last_status_change_at", nullable = false)
    OffsetDateTime lastStatusChangeAt;

    @Column(name = "last_stage_change_at", nullable = false)
    OffsetDateTime lastStageChangeAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    protected OpportunityEntity() {
    }

    OpportunityEntity(UUID id, UUID locationId, OffsetDateTime now) {
        this.id = id;
        this.locationId = locationId;
        this.createdAt = now;
        this.updatedAt = now;
        this.lastStatusChangeAt = now;
        this.lastStageChangeAt = now;
    }
}
