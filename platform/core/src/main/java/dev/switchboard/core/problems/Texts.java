package dev.switchboard.core.problems;

/**
 * Checks on text the platform stores: PostgreSQL cannot store NUL, and text with lone UTF-16
 * surrogates is not valid Unicode; both, and text over its length limit, are refused naming the
 * field, and never echoed back whole.
 */
public final class Texts {

    /** Characters of input quoted back in an error message. */
    public static final int QUOTED = 60;

    private Texts() {
    }

    /**
     * Trims {@code value}; blank is {@code null}. Records an error under {@code pointer} when the text
     * is longer than {@code max} or holds a character that cannot be stored.
     */
    public static String optional(String value, String pointer, int max, Violations violations) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        return check(trimmed, pointer, max, violations) ? trimmed : null;
    }

    /** Like {@link #optional} without trimming; returns whether the text is acceptable. */
    public static boolean check(String value, String pointer, int max, Violations violations) {
        String unstorable = unstorable(value);
        if (unstorable != null) {
            violations.at(pointer, unstorable);
            return false;
        }
        if (value.length() > max) {
            violations.at(pointer, "longer than " + max + " characters (" + value.length() + ")");
            return false;
        }
        return true;
    }

    /** Why the text cannot be stored, or {@code null} when it can. */
    public static String unstorable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return "contains a NUL character (at position " + i + "), which cannot be stored";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired UTF-16 surrogate (at position " + i + "), which is not valid Unicode";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired UTF-16 surrogate (at position " + i + "), which is not valid Unicode";
            }
        }
        return null;
    }

    /**
     * {@code value} with every character that cannot be stored (NUL, an unpaired UTF-16 surrogate)
     * replaced by U+FFFD: for text the platform keeps from plugins, which it reports rather than refuses.
     */
    public static String storable(String value) {
        if (value == null || unstorable(value) == null) {
            return value;
        }
        StringBuilder kept = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                kept.append(c).append(value.charAt(++i));
            } else if (c == '\u0000' || Character.isSurrogate(c)) {
                kept.append('\uFFFD');
            } else {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /** The start of {@code value}, for quoting it in a message. */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        String shown = value.length() > QUOTED ? value.substring(0, QUOTED) + "…" : value;
        return "'" + shown.replace('\u0000', '\uFFFD') + "'";
    }
}
