package dev.switchboard.core.db;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.SQLException;
import java.util.UUID;
import org.postgresql.util.PGobject;

/**
 * A {@code uuid} column that may be null. The provider's own UUID conversion fails on a null read,
 * and binds a null as {@code varchar}, which PostgreSQL refuses for a {@code uuid} column; this one
 * binds a UUID as itself and a null as a typed null. {@link EntitySchemaCheck} requires it on every
 * UUID attribute whose column is nullable.
 */
@Converter
public class NullableUuidConverter implements AttributeConverter<UUID, Object> {

    @Override
    public Object convertToDatabaseColumn(UUID value) {
        if (value != null) {
            return value;
        }
        PGobject typedNull = new PGobject();
        typedNull.setType("uuid");
        try {
            typedNull.setValue(null);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return typedNull;
    }

    @Override
    public UUID convertToEntityAttribute(Object column) {
        if (column == null) {
            return null;
        }
        return column instanceof UUID uuid ? uuid : UUID.fromString(column.toString());
    }
}
