package dev.switchboard.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.persistence.Convert;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EntitySchemaCheckTest {

    /** The attributes of a mapped class, as the persistence provider would list them. */
    @SuppressWarnings("unused")
    static class Row {
        UUID id;
        @Convert(converter = NullableUuidConverter.class)
        UUID ownerId;
        UUID assigneeId;
        OffsetDateTime createdAt;
        Instant seenAt;
        long version;
        JsonObject extra;
        List<String> tags;
        Object other;
    }

    private static EntitySchemaCheck.Mapped mapped(String attribute, String column) {
        return new EntitySchemaCheck.Mapped(Row.class, attribute, true, "row", column);
    }

    @Test
    void mappingsThatFitTheSchemaPass() {
        List<String> problems = EntitySchemaCheck.problems(
                List.of(mapped("id", "id"), mapped("ownerId", "owner_id"), mapped("createdAt", "created_at"),
                        mapped("version", "version"), mapped("extra", "extra"), mapped("tags", "tags")),
                List.of(new EntitySchemaCheck.Column("row", "id", "uuid", false),
                        new EntitySchemaCheck.Column("row", "owner_id", "uuid", true),
                        new EntitySchemaCheck.Column("row", "created_at", "timestamptz", false),
                        new EntitySchemaCheck.Column("row", "version", "int8", false),
                        new EntitySchemaCheck.Column("row", "extra", "jsonb", false),
                        new EntitySchemaCheck.Column("row", "tags", "_text", false)));
        assertThat(problems).isEmpty();
    }

    @Test
    void eachMismatchIsNamedWithItsAttributeAndColumn() {
        List<String> problems = EntitySchemaCheck.problems(
                List.of(mapped("id", "missing"), mapped("assigneeId", "assignee_id"), mapped("createdAt", "created_at"),
                        mapped("seenAt", "seen_at"), mapped("version", "version"), mapped("other", "other")),
                List.of(new EntitySchemaCheck.Column("row", "assignee_id", "uuid", true),
                        new EntitySchemaCheck.Column("row", "created_at", "timestamp", false),
                        new EntitySchemaCheck.Column("row", "seen_at", "timestamptz", false),
                        new EntitySchemaCheck.Column("row", "version", "int8", true),
                        new EntitySchemaCheck.Column("row", "other", "text", false)));
        assertThat(problems).hasSize(6);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("Row.id → row.missing: no such column"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("assigneeId").contains("NullableUuidConverter"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("createdAt").contains("timestamp"));
        assertThat(problems).as("Instant is refused: the provider writes it as bytes")
                .anySatisfy(p -> assertThat(p).contains("seenAt").contains("no column type"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("version").contains("primitive"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("other").contains("no column type"));
    }
}
