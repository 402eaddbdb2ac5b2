package dev.switchboard.core.db;

import dev.switchboard.core.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.sql.SQLException;
import org.postgresql.util.PGobject;

/** A nullable {@code jsonb} column holding any JSON value (SQL NULL is Java null, JSON null is {@link JsonValue#NULL}). */
@Converter
public class JsonValueConverter implements AttributeConverter<JsonValue, Object> {

    @Override
    public Object convertToDatabaseColumn(JsonValue value) {
        // a null is bound as a typed null: the provider would otherwise bind it as a varchar
        PGobject json = new PGobject();
        json.setType("jsonb");
        try {
            json.setValue(value == null ? null : value.toString());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return json;
    }

    @Override
    public JsonValue convertToEntityAttribute(Object column) {
        if (column == null) {
            return null;
        }
        String text = column instanceof PGobject object ? object.getValue() : column.toString();
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
