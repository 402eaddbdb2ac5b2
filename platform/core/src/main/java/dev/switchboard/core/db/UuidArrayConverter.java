package dev.switchboard.core.db;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** A {@code uuid[]} column as a list of UUIDs (never null). */
@Converter
public class UuidArrayConverter implements AttributeConverter<List<UUID>, Object> {

    @Override
    public Object convertToDatabaseColumn(List<UUID> values) {
        return ArrayColumns.literal("uuid[]", values);
    }

    @Override
    public List<UUID> convertToEntityAttribute(Object column) {
        return ArrayColumns.elements(column).stream()
                .map(value -> value instanceof UUID uuid ? uuid : UUID.fromString(value.toString()))
                .collect(Collectors.toList());
    }
}
