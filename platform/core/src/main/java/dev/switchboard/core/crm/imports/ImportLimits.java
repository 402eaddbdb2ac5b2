package dev.switchboard.core.crm.imports;

import java.time.Duration;

/**
 * The limits of an uploaded file (docs/imports.md). The size, the rows and how long a file is kept are
 * settings ({@code switchboard.imports.*}); the rest are fixed.
 *
 * @param maxBytes largest file, in bytes (413 beyond)
 * @param maxRows most rows, the header left out (413 beyond)
 * @param keptFor how long a file is kept after its upload, unless an import still uses it
 */
public record ImportLimits(long maxBytes, long maxRows, Duration keptFor) {

    /** Most columns of a CSV file, or members of a JSON lines file. */
    public static final int MAX_COLUMNS = 1_000;
    /** Longest cell, in characters: a large text custom field's limit. */
    public static final int MAX_CELL = 50_000;
    /** Longest column name (header cell or JSON member name). */
    public static final int MAX_COLUMN_NAME = 200;
    /** Longest row, in bytes. */
    public static final int MAX_ROW_BYTES = 4 * 1024 * 1024;
    /** Longest file name. */
    public static final int MAX_FILE_NAME = 200;
    /** Files a location keeps at once. */
    public static final int MAX_FILES_PER_LOCATION = 50;
    /** Bytes of whole rows a chunk of a stored file holds at least (the last one excepted). */
    public static final int CHUNK_BYTES = 1024 * 1024;
    /** Rows shown as a preview, and values kept as samples of each column (from the first 1,000 rows). */
    public static final int PREVIEW_ROWS = 10;
    public static final int SAMPLES = 5;
    public static final int SAMPLED_ROWS = 1_000;
    /** Longest sample or preview cell kept (longer ones are cut, with an ellipsis). */
    public static final int SAMPLE_LENGTH = 100;

    public static final long DEFAULT_MAX_BYTES = 2L * 1024 * 1024 * 1024;
    public static final long DEFAULT_MAX_ROWS = 5_000_000;
    public static final Duration DEFAULT_KEPT_FOR = Duration.ofHours(48);
}
