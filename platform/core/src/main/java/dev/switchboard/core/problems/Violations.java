package dev.switchboard.core.problems;

import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with a request, so the client hears of every error at once. */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    public Violations add(FieldError error) {
        errors.add(error);
        return this;
    }

    /** An error of a top-level body field. */
    public Violations field(String name, String detail) {
        return add(FieldError.field(name, detail));
    }

    public Violations at(String pointer, String detail) {
        return add(FieldError.at(pointer, detail));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws a 400 naming every error, if there is any. */
    public void throwIfAny() {
        throwIfAny(ProblemType.VALIDATION);
    }

    public void throwIfAny(ProblemType kind) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(kind, errors);
        }
    }
}
