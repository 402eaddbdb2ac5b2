package dev.switchboard.core.db;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.postgresql.util.PGobject;

/**
 * PostgreSQL arrays for the persistence provider, which has no array type of its own: written as a
 * typed array literal in which every element is quoted and escaped, read from the driver's
 * {@link Array}.
 */
final class ArrayColumns {

    private ArrayColumns() {
    }

    static PGobject literal(String type, List<?> values) {
        StringBuilder literal = new StringBuilder("{");
        if (values != null) {
            for (Object value : values) {
                if (literal.length() > 1) {
                    literal.append(',');
                }
                literal.append('"');
                String text = value.toString();
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '"' || c == '\\') {
                        literal.append('\\');
                    }
                    literal.append(c);
                }
                literal.append('"');
            }
        }
        literal.append('}');
        PGobject array = new PGobject();
        array.setType(type);
        try {
            array.setValue(literal.toString());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return array;
    }

    static List<Object> elements(Object column) {
        if (column == null) {
            return List.of();
        }
        try {
            Object[] values = column instanceof Array array ? (Object[]) array.getArray() : (Object[]) column;
            return new ArrayList<>(Arrays.asList(values));
        } catch (SQLException e) {
            throw new IllegalStateException("reading an array column failed", e);
        }
    }
}
