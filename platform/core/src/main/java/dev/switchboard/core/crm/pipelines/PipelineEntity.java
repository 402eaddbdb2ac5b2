package dev.switchboard.core.crm.pipelines;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A pipeline's row; its stages are {@link PipelineStageEntity} rows. {@link Pipelines} is the only writer. */
@Entity
@Table(name = "pipeline")
public class PipelineEntity {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "location_id", nullable = false, updatable = false)
    UUID locationId;

    @Column(name = "name", nullable = false)
    String name;

    @Column(name = "created_at", nullable = false, updatable = false)
    OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    protected PipelineEntity() {
    }

    PipelineEntity(UUID id, UUID locationId, String name, OffsetDateTime now) {
        this.id = id;
        this.locationId = locationId;
        this.name = name;
        this.createdAt = now;
        this.updatedAt = now;
    }
}
