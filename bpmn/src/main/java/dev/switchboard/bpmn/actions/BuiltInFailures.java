package dev.switchboard.bpmn.actions;

import dev.switchboard.core.plugins.actions.ActionFailure;
import dev.switchboard.core.plugins.actions.ActionSpec;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.Problem;
import dev.switchboard.core.problems.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Why an attempt of a built-in action failed, in the words the step log shows. */
final class BuiltInFailures {

    private static final Logger LOG = Logger.getLogger(BuiltInFailures.class.getName());

    private BuiltInFailures() {
    }

    static String describe(ActionSpec action, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ActionFailure refused) {
            return refused.getMessage();
        }
        if (cause instanceof ProblemException problem) {
            // the CRM refused what the step asked: its problem names the fields, as the API would
            return describe(problem.problem());
        }
        LOG.log(Level.WARNING, "Built-in action " + action.id() + " failed", failure);
        return action.id() + " failed in the platform: " + cause;
    }

    private static String describe(Problem problem) {
        List<String> parts = new ArrayList<>();
        if (problem.errors().isEmpty() && problem.detail() != null && !problem.detail().isBlank()) {
            parts.add(problem.detail()); // with errors, the detail only sums them up
        }
        for (FieldError error : problem.errors()) {
            String where = error.pointer() != null ? error.pointer() : error.parameter() != null ? error.parameter() : null;
            parts.add(where == null || where.isEmpty() ? error.detail() : where + ": " + error.detail());
        }
        return parts.isEmpty() ? problem.title() : String.join("; ", parts);
    }

    /** The exception the action threw, out of the wrappers transactions and CDI put around it. */
    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (!(current instanceof ActionFailure) && !(current instanceof ProblemException) && current.getCause() != null
                && current.getCause() != current) {
            current = current.getCause();
        }
        return current instanceof ActionFailure || current instanceof ProblemException ? current : failure;
    }
}
