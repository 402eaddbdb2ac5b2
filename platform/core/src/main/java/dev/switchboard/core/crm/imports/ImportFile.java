package dev.switchboard.core.crm.imports;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A file uploaded for a contact import, as its location sees it: what was read from it, and where each
 * column would go.
 *
 * @param delimiter a CSV file's delimiter; null for JSON lines
 * @param rows its rows, a CSV file's header left out
 * @param preview its first rows, each with a cell per column (empty where it has no value)
 */
public record ImportFile(UUID id, String name, ImportFileFormat format, Character delimiter, long bytes, long rows,
                         List<Column> columns, List<List<String>> preview, UUID createdBy, OffsetDateTime createdAt,
                         OffsetDateTime expiresAt) {

    /**
     * A column (a CSV file's header cell, or a member of a JSON lines file's rows).
     *
     * @param samples a few of its values, from the first rows
     * @param suggested where its values would go ({@code email}, {@code customFields.plan}); null when nowhere
     */
    public record Column(String name, List<String> samples, String suggested) {

        public Optional<String> suggestion() {
            return Optional.ofNullable(suggested);
        }
    }

    /** The column's position, by its name. */
    public Optional<Integer> columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
