package dev.switchboard.core.crm.pipelines;

import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.InputValidation;
import dev.switchboard.core.problems.JsonInput;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Reading request members into input records, which Bean Validation then checks. */
final class Inputs {

    private Inputs() {
    }

    /**
     * A text member, trimmed; null when absent, blank, or not storable (a violation then names it).
     * Length limits are the input record's.
     */
    static String text(JsonInput input, String name) {
        String value = input.string(name);
        if (value == null) {
            return null;
        }
        String unstorable = Texts.unstorable(value);
        if (unstorable != null) {
            input.violations().at(input.pointer(name), unstorable);
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /**
     * Adds the record's constraint violations, except where the member already has an error (a member
     * of the wrong type is read as null: "must not be null" would only repeat it).
     */
    static void validate(InputValidation validation, Object record, Violations violations) {
        Set<String> reported = violations.errors().stream().map(FieldError::pointer).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Violations constraints = new Violations();
        validation.check(record, "", constraints);
        constraints.errors().stream().distinct().filter(error -> !reported.contains(error.pointer())).forEach(violations::add);
    }
}
