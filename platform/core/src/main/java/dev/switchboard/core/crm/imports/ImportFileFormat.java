package dev.switchboard.core.crm.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of file contacts are imported from, by the media type they are uploaded as. */
public enum ImportFileFormat {
    /** Comma, semicolon or tab separated values with a header row (RFC 4180 quoting). */
    CSV("text/csv"),
    /** One JSON object per line, with the contact API's member names. */
    JSON_LINES("application/x-ndjson");

    private final String mediaType;

    ImportFileFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format of a media type without its parameters ({@code text/csv}). */
    public static Optional<ImportFileFormat> ofMediaType(String type) {
        String bare = type == null ? "" : type.toLowerCase(Locale.ROOT).trim();
        return Arrays.stream(values()).filter(format -> format.mediaType.equals(bare)).findFirst();
    }
}
