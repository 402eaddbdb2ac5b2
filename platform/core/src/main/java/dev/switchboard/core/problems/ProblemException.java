package dev.switchboard.core.problems;

import java.util.List;

/** Thrown anywhere in the platform to answer the client with a {@link Problem}. */
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

    /** A 400 with one error, named by where it is. */
    public static ProblemException invalid(FieldError error) {
        return invalid(List.of(error));
    }

    /** A 400 listing every error; the detail summarises them. */
    public static ProblemException invalid(List<FieldError> errors) {
        return invalid(ProblemType.VALIDATION, errors);
    }

    public static ProblemException invalid(ProblemType kind, List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).describe()
                : errors.size() + " errors: " + String.join("; ", errors.stream().limit(5).map(FieldError::describe).toList())
                        + (errors.size() > 5 ? "; …" : "");
        return new ProblemException(Problem.of(kind, detail, errors));
    }

    /** A 400 about the request as a whole. */
    public static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.of(ProblemType.VALIDATION, detail));
    }

    public static ProblemException malformed(String detail) {
        return new ProblemException(Problem.of(ProblemType.MALFORMED_REQUEST, detail));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(ProblemType.NOT_FOUND, what + " does not exist"));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(ProblemType.UNAUTHORIZED, detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(ProblemType.FORBIDDEN, detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(ProblemType.CONFLICT, detail));
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(Problem.of(ProblemType.PAYLOAD_TOO_LARGE, detail));
    }

    public static ProblemException tooManyRequests(String detail) {
        return new ProblemException(Problem.of(ProblemType.TOO_MANY_REQUESTS, detail));
    }
}
