package dev.switchboard.host;

import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;

/** The {@code limit} query parameter of list endpoints. */
public final class Paging {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private Paging() {
    }

    /** Parses {@code limit}: absent means {@value #DEFAULT_LIMIT}; otherwise 1 to {@value #MAX_LIMIT}. */
    public static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid(FieldError.parameter("limit", "limit must be a whole number from 1 to "
                + MAX_LIMIT + ", was " + Texts.quote(raw)));
    }
}
