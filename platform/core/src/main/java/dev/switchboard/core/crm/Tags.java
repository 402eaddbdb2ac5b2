package dev.switchboard.core.crm;

import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import java.util.Locale;
import java.util.regex.Pattern;

/** Tags: 1-63 letters, digits, spaces or {@code _ . : -}, trimmed and lower-cased. */
public final class Tags {

    /** Most tags on one contact. */
    public static final int MAX_PER_CONTACT = 100;
    /** Longest tag. */
    public static final int MAX_LENGTH = 63;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.:-]{0,62}");

    private Tags() {
    }

    public static String normalize(String raw, String pointer, Violations violations) {
        String tag = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (!TAG.matcher(tag).matches()) {
            violations.at(pointer, Texts.quote(tag) + " must be 1-63 letters, digits, spaces or _ . : -");
        }
        return tag;
    }
}
