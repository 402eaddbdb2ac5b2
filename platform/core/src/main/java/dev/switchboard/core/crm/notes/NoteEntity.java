package dev.switchboard.core.crm.notes;

import dev.switchboard.core.db.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A note's row. {@link Notes} is the only writer; the API sees {@link Note}. */
@Entity
@Table(name = "note")
public class NoteEntity {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "location_id", nullable = false, updatable = false)
    UUID locationId;

    /** Not updatable here: a merge moves notes to the primary contact in SQL. */
    @Column(name = "contact_id", nullable = false, updatable = false)
    UUID contactId;

    @Column(name = "body", nullable = false)
    String body;

    @Convert(converter = NullableUuidConverter.class)
    @Column(name = "author_id", updatable = false)
    UUID authorId;

    @Column(name = "created_at", nullable = false, updatable = false)
    OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    protected NoteEntity() {
    }

    Note view() {
        return new Note(id, contactId, body, authorId, createdAt, updatedAt);
    }
}
