package dev.switchboard.core.db;

import java.sql.SQLException;
import java.util.List;
import org.postgresql.util.PGobject;

/**
 * An array parameter bound with its element type ({@code date}, …), so that the server reads it as
 * that type's array directly. A {@code varchar[]} parameter cast in the statement ({@code ?::date[]})
 * is not folded into a constant before planning (the cast depends on the session's settings): the
 * planner cannot hash it or estimate it, and a count over a million rows compares every row with
 * every element.
 */
public record TypedArray(String elementType, List<String> values) implements SqlValue {

    public TypedArray {
        values = List.copyOf(values);
    }

    @Override
    public Object sqlValue() {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        PGobject array = new PGobject();
        try {
            array.setType("_" + elementType);
            array.setValue(literal.append('}').toString());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return array;
    }
}
