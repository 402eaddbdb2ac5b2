package dev.switchboard.core.crm.pipelines;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A stage of a pipeline: a column of its board. Positions are 0, 1, 2… in board order; changes to a
 * pipeline's stages lock the pipeline's row, so they never interleave.
 */
@Entity
@Table(name = "pipeline_stage")
public class PipelineStageEntity {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "location_id", nullable = false, updatable = false)
    UUID locationId;

    @Column(name = "pipeline_id", nullable = false, updatable = false)
    UUID pipelineId;

    @Column(name = "name", nullable = false)
    String name;

    @Column(name = "position", nullable = false)
    int position;

    @Column(name = "created_at", nullable = false, updatable = false)
    OffsetDateTime createdAt;

    protected PipelineStageEntity() {
    }

    PipelineStageEntity(UUID id, PipelineEntity pipeline, String name, int position, OffsetDateTime now) {
        this.id = id;
        this.locationId = pipeline.locationId;
        this.pipelineId = pipeline.id;
        this.name = name;
        this.position = position;
        this.createdAt = now;
    }

    PipelineStage view() {
        return new PipelineStage(id, name, position);
    }
}
