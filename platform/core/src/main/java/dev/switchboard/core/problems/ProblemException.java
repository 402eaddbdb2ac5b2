package dev.switchboard.core.problems;

import java.util.List;

/** Thrown anywhere in the host to answer the client with a {@link Problem}. */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String title, String detail) {
        return new ProblemException(new Problem(400, title, detail, List.of()));
    }

    public static ProblemException badRequest(String title, String detail, List<String> errors) {
        return new ProblemException(new Problem(400, title, detail, errors));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(new Problem(404, "Not found", what, List.of()));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(new Problem(401, "Unauthorized", detail, List.of()));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(new Problem(403, "Forbidden", detail, List.of()));
    }

    public static ProblemException conflict(String title, String detail) {
        return new ProblemException(new Problem(409, title, detail, List.of()));
    }
}
