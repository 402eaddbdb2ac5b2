package dev.switchboard.core.crm.imports;

import dev.switchboard.core.crm.fields.CustomField;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Suggests where each column of a file goes: a standard contact field by its API name or one of its
 * other names ({@link ImportTarget}, GoHighLevel's export columns among them), else a custom field by
 * its key or its name. Names are compared ignoring case, accents, spaces and punctuation: "First Name",
 * "first_name" and "FIRST-NAME" are all {@code firstName}. A column named {@code customFields.<key>} (a
 * JSON lines file's) goes to that custom field.
 */
public final class ColumnSuggestions {

    private final Map<String, String> byName = new HashMap<>();

    /** Suggestions for a location with these contact custom fields. */
    public ColumnSuggestions(List<CustomField> customFields) {
        // the weakest first: a custom field's name, then its key, then the standard fields' names
        for (CustomField field : customFields) {
            byName.putIfAbsent(normalize(field.name()), ImportTarget.CUSTOM + field.key());
        }
        for (CustomField field : customFields) {
            byName.put(normalize(field.key()), ImportTarget.CUSTOM + field.key());
            byName.put(normalize(ImportTarget.CUSTOM + field.key()), ImportTarget.CUSTOM + field.key());
        }
        for (ImportTarget target : ImportTarget.values()) {
            target.aliases().forEach(alias -> byName.put(normalize(alias), target.apiName()));
            byName.put(normalize(target.apiName()), target.apiName());
        }
    }

    /** The target suggested for a column, if any. */
    public Optional<String> suggest(String column) {
        return Optional.ofNullable(byName.get(normalize(column)));
    }

    /** A name with only its letters and digits, lower case and without accents. */
    static String normalize(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        StringBuilder kept = new StringBuilder(plain.length());
        plain.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(kept::appendCodePoint);
        return kept.toString().toLowerCase(Locale.ROOT);
    }
}
