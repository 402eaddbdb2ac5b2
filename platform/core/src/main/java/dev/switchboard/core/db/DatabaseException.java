package dev.switchboard.core.db;

import java.sql.SQLException;

/** An SQL statement failed; carries the statement (never its parameters) for the server log. */
public class DatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseException(String sql, SQLException cause) {
        super("SQL failed (" + cause.getSQLState() + "): " + cause.getMessage() + " in: " + sql, cause);
    }

    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }

    /** A unique index refused the row: the client sent a value that must be unique and is not. */
    public boolean isUniqueViolation() {
        return "23505".equals(sqlState());
    }

    /**
     * The SQLState of a failure when it is a driver's {@link SQLException} (as the persistence
     * provider wraps them), else null: lets the host map what the database refused without touching JDBC.
     */
    public static String sqlStateOf(Throwable failure) {
        return failure instanceof SQLException sql ? sql.getSQLState() : null;
    }
}
