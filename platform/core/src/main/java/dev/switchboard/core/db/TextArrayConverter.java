package dev.switchboard.core.db;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** A {@code text[]} column as a list of strings (never null; an empty array is an empty list). */
@Converter
public class TextArrayConverter implements AttributeConverter<List<String>, Object> {

    @Override
    public Object convertToDatabaseColumn(List<String> values) {
        return ArrayColumns.literal("text[]", values);
    }

    @Override
    public List<String> convertToEntityAttribute(Object column) {
        return ArrayColumns.elements(column).stream().map(String::valueOf).collect(java.util.stream.Collectors.toList());
    }
}
