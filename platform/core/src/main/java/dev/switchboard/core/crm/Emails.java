package dev.switchboard.core.crm;

import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses as the CRM stores them: trimmed and lower-cased, one @, a dot in the domain. */
public final class Emails {

    /** Longest email address (RFC 5321's path limit). */
    public static final int MAX = 320;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>,;]+@[^@\\s\"<>,;]+\\.[^@\\s\"<>,;.]+");

    private Emails() {
    }

    /** @return the normalised address, or null (with a violation) when it is not one; null for blank input */
    public static String normalize(String raw, String pointer, Violations violations) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String email = raw.trim().toLowerCase(Locale.ROOT);
        if (email.length() > MAX) {
            violations.at(pointer, "an email address has at most " + MAX + " characters");
            return null;
        }
        if (!EMAIL.matcher(email).matches()) {
            violations.at(pointer, Texts.quote(raw) + " is not an email address");
            return null;
        }
        return email;
    }
}
