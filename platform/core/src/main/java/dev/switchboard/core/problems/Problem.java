package dev.switchboard.core.problems;

import java.util.ArrayList;
import java.util.List;

/**
 * An error a client can act on, rendered as {@code application/problem+json} (RFC 9457). Detail and
 * errors are bounded, so an answer never echoes more than a few kilobytes of what was sent.
 *
 * @param type the kind of problem, a URI reference described at that address
 * @param title short, stable summary of the kind
 * @param status HTTP status
 * @param detail what went wrong in this case, naming the field or value
 * @param instance the path of the request that failed ({@code null} until the host answers)
 * @param errors each thing wrong, with where it is (validation)
 */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    /** Most characters of a detail; a longer one is cut with an ellipsis. */
    public static final int MAX_DETAIL = 1000;
    /** Most errors listed; the rest are counted in a last entry. */
    public static final int MAX_ERRORS = 50;

    public Problem {
        detail = bounded(detail);
        errors = errors == null ? List.of() : List.copyOf(cap(errors));
    }

    public static Problem of(ProblemType kind, String detail) {
        return new Problem(kind.uri(), kind.title(), kind.status(), detail, null, List.of());
    }

    public static Problem of(ProblemType kind, String detail, List<FieldError> errors) {
        return new Problem(kind.uri(), kind.title(), kind.status(), detail, null, errors);
    }

    /** A problem whose status differs from its kind's usual one (the HTTP layer's own errors). */
    public static Problem of(ProblemType kind, int status, String title, String detail) {
        return new Problem(kind.uri(), title, status, detail, null, List.of());
    }

    public Problem withInstance(String requestPath) {
        return new Problem(type, title, status, detail, requestPath, errors);
    }

    static String bounded(String text) {
        if (text == null || text.length() <= MAX_DETAIL) {
            return text;
        }
        return text.substring(0, MAX_DETAIL) + "… (" + (text.length() - MAX_DETAIL) + " more characters)";
    }

    private static List<FieldError> cap(List<FieldError> errors) {
        if (errors.size() <= MAX_ERRORS) {
            return errors;
        }
        List<FieldError> capped = new ArrayList<>(errors.subList(0, MAX_ERRORS));
        capped.add(FieldError.general("and " + (errors.size() - MAX_ERRORS) + " more errors"));
        return capped;
    }
}
