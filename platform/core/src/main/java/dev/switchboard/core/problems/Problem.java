package dev.switchboard.core.problems;

import java.util.List;

/**
 * An error a client can act on, rendered as {@code application/problem+json} (RFC 9457).
 *
 * @param status HTTP status
 * @param title short, stable summary of the kind of problem
 * @param detail what went wrong in this case, naming the field or value
 * @param errors individual messages when there are several (validation)
 */
public record Problem(int status, String title, String detail, List<String> errors) {

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
