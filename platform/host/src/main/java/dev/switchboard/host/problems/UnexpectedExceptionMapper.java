package dev.switchboard.host.problems;

import dev.switchboard.core.db.DatabaseException;
import dev.switchboard.core.problems.Problem;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.ProblemType;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;

/**
 * Everything else. A problem wrapped by an interceptor is unwrapped; malformed JSON is a 400; any
 * other failure is a 500 with an incident id to quote, never a stack trace.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return Problems.response(problem.problem(), uri);
            }
            if (cause instanceof DatabaseException database) {
                Problem problem = database(database.sqlState());
                if (problem != null) {
                    return Problems.response(problem, uri);
                }
            }
            if (DatabaseException.sqlStateOf(cause) != null) {
                // what the persistence provider wraps
                Problem problem = database(DatabaseException.sqlStateOf(cause));
                if (problem != null) {
                    return Problems.response(problem, uri);
                }
            }
            if (cause instanceof OptimisticLockException) {
                return Problems.response(Problem.of(ProblemType.CONFLICT,
                        "the record was changed by another request at the same time; read it again and retry"), uri);
            }
            if (cause instanceof FlowableOptimisticLockingException) {
                return Problems.response(Problem.of(ProblemType.CONFLICT,
                        "the workflow run was moving on in the engine at the same moment; try again"), uri);
            }
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                return Problems.response(Problem.of(ProblemType.MALFORMED_REQUEST,
                        "the request body is not valid JSON of the expected shape: " + cause.getMessage()), uri);
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        if (exception instanceof ProcessingException) {
            return Problems.response(Problem.of(ProblemType.MALFORMED_REQUEST, exception.getMessage()), uri);
        }
        return Problems.response(Problems.incident(LOG, "Unexpected failure", exception), uri);
    }

    /**
     * What the database refused because of the client's values, rather than a failure of the platform:
     * a value that must be unique (409), text it cannot store or that is too long (400). The statement
     * and its values are never echoed.
     */
    static Problem database(String sqlState) {
        String state = sqlState == null ? "" : sqlState;
        return switch (state) {
            case "23505" -> Problem.of(ProblemType.CONFLICT, "a value that must be unique is already used");
            case "22P05", "22021" -> Problem.of(ProblemType.VALIDATION, "the request holds text that cannot be stored");
            case "22001" -> Problem.of(ProblemType.VALIDATION, "a value of the request is longer than it may be");
            default -> null;
        };
    }
}
