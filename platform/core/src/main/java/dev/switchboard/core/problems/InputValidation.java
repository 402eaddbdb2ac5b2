package dev.switchboard.core.problems;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Comparator;

/**
 * Bean Validation of request records: each constraint violation becomes a field error whose JSON
 * Pointer is the property path ({@code additionalEmails[2]} → {@code /additionalEmails/2}).
 */
@ApplicationScoped
public class InputValidation {

    @Inject
    Validator validator;

    /** Adds a violation per broken constraint of {@code input}, under {@code prefix} ("" for the body). */
    public void check(Object input, String prefix, Violations violations) {
        validator.validate(input).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(violation -> violations.at(prefix + pointer(violation), detail(violation)));
    }

    static String pointer(ConstraintViolation<?> violation) {
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getIndex() != null) {
                pointer.append('/').append(node.getIndex());
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                pointer.append('/').append(node.getName());
            }
        }
        return pointer.toString();
    }

    private static String detail(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String field = path.isEmpty() ? "value" : path;
        Object value = violation.getInvalidValue();
        String shown = value instanceof CharSequence text ? " (was " + Texts.quote(text.toString()) + ")" : "";
        return field + " " + violation.getMessage() + shown;
    }
}
