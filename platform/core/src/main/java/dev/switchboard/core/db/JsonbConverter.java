package dev.switchboard.core.db;

import dev.switchboard.core.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.sql.SQLException;
import org.postgresql.util.PGobject;

/**
 * A {@code jsonb} column as a JSON object. Bound as a typed {@code jsonb} parameter (a plain string
 * would be refused by PostgreSQL); read from what the driver returns for the column.
 */
@Converter
public class JsonbConverter implements AttributeConverter<JsonObject, Object> {

    @Override
    public Object convertToDatabaseColumn(JsonObject value) {
        PGobject json = new PGobject();
        json.setType("jsonb");
        try {
            json.setValue(value == null ? "{}" : value.toString());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return json;
    }

    @Override
    public JsonObject convertToEntityAttribute(Object column) {
        if (column == null) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
        String text = column instanceof PGobject object ? object.getValue() : column.toString();
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
