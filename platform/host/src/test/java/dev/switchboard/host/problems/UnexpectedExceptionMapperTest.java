package dev.switchboard.host.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.switchboard.core.db.DatabaseException;
import dev.switchboard.core.problems.Problem;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UnexpectedExceptionMapperTest {

    @Test
    void whatTheDatabaseRefusesBecauseOfTheClientsValuesIsAProblemOfTheClient() {
        Problem unique = UnexpectedExceptionMapper.database(refused("23505", "duplicate key value violates unique "
                + "constraint \"app_user_email_idx\" Detail: Key (lower(email))=(secret@example.com) already exists.").sqlState());
        assertEquals(409, unique.status());
        assertEquals("/api/v1/problems/conflict", unique.type());
        assertFalse(unique.detail().contains("secret@example.com"), "the refused value is not echoed");

        assertEquals(400, UnexpectedExceptionMapper.database(refused("22P05", "unsupported Unicode escape sequence").sqlState()).status());
        assertEquals(400, UnexpectedExceptionMapper.database(refused("22001", "value too long").sqlState()).status());
        assertNull(UnexpectedExceptionMapper.database(refused("08006", "connection failure").sqlState()),
                "a failure of the database itself stays a 500 with an incident id");
    }

    private static DatabaseException refused(String state, String message) {
        return new DatabaseException("INSERT INTO app_user …", new SQLException(message, state));
    }
}
