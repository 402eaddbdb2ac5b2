package dev.switchboard.core.crm.tasks;

import dev.switchboard.core.db.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A task's row. {@link Tasks} is the only writer; the API sees {@link Task}. */
@Entity
@Table(name = "task")
public class TaskEntity {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "location_id", nullable = false, updatable = false)
    UUID locationId;

    /** Not updatable here: a merge moves tasks to the primary contact in SQL. */
    @Column(name = "contact_id", nullable = false, updatable = false)
    UUID contactId;

    @Column(name = "title", nullable = false)
    String title;

    @Column(name = "body")
    String body;

    @Column(name = "due_date")
    OffsetDateTime dueDate;

    @Convert(converter = NullableUuidConverter.class)
    @Column(name = "assigned_to")
    UUID assignedTo;

    @Column(name = "completed", nullable = false)
    boolean completed;

    @Column(name = "completed_at")
    OffsetDateTime completedAt;

    @Convert(converter = NullableUuidConverter.class)
    @Column(name = "created_by", updatable = false)
    UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    protected TaskEntity() {
    }

    Task view() {
        return new Task(id, contactId, title, body, dueDate, assignedTo, completed, completedAt, createdBy, createdAt, updatedAt);
    }
}
