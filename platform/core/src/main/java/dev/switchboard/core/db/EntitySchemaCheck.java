package dev.switchboard.core.db;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.Convert;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Checks the entities' mappings against the schema Flyway made, at boot: every mapped column exists
 * with a type its Java attribute can hold, and a primitive attribute is never mapped to a column that
 * may be null. A mismatch stops the boot with a list of what is wrong, instead of failing the first
 * request that touches the column.
 *
 * <p>The column type each Java type needs is written down here and nowhere else:
 * {@code UUID → uuid} (through {@link NullableUuidConverter} where the column may be null), {@code String → text}, {@code OffsetDateTime → timestamptz} (never
 * {@code Instant}, which the provider writes as bytes), {@code LocalDate → date},
 * {@code BigDecimal → numeric} (money: with a separate currency column), {@code boolean},
 * {@code int → integer}, {@code long → bigint}, enums as their names in {@code text},
 * {@code JsonObject} and {@code JsonValue → jsonb}, {@code List<String> → text[]}, {@code List<UUID> → uuid[]}.
 */
public final class EntitySchemaCheck {

    /** A column as the database has it: {@code udtName} is PostgreSQL's type name ({@code _text} for {@code text[]}). */
    public record Column(String table, String name, String udtName, boolean nullable) {
    }

    /**
     * A mapped attribute: the entity's class, the attribute's field, whether the attribute holds the
     * column's value ({@code direct}; else it is a relationship's join column), and the column.
     */
    public record Mapped(Class<?> entity, String attribute, boolean direct, String table, String column) {
    }

    private EntitySchemaCheck() {
    }

    /** @return what is wrong, one line per problem; empty when the mappings fit the schema */
    public static List<String> problems(Collection<Mapped> mappings, Collection<Column> columns) {
        List<String> problems = new ArrayList<>();
        for (Mapped mapped : mappings) {
            String where = mapped.entity().getSimpleName() + "." + mapped.attribute() + " → "
                    + mapped.table() + "." + mapped.column();
            Column column = columns.stream()
                    .filter(c -> c.table().equalsIgnoreCase(mapped.table()) && c.name().equalsIgnoreCase(mapped.column()))
                    .findFirst().orElse(null);
            if (column == null) {
                problems.add(where + ": no such column");
                continue;
            }
            Type type = mapped.direct() ? attributeType(mapped) : null;
            if (type == null) {
                continue; // a relationship's join column: its existence is what matters
            }
            Set<String> accepted = acceptedTypes(type);
            if (accepted.isEmpty()) {
                problems.add(where + ": no column type is defined for Java type " + type.getTypeName());
            } else if (!accepted.contains(column.udtName())) {
                problems.add(where + ": column is " + column.udtName() + ", but " + type.getTypeName() + " needs " + accepted);
            }
            if (type == UUID.class && column.nullable() && !convertedBy(mapped, NullableUuidConverter.class)) {
                problems.add(where + ": the column may be null: map it with @Convert(converter = NullableUuidConverter.class)");
            }
            if (type instanceof Class<?> plain && plain.isPrimitive() && column.nullable()) {
                problems.add(where + ": the column may be null, which primitive " + plain + " cannot hold");
            }
        }
        return problems;
    }

    private static Type attributeType(Mapped mapped) {
        Field field = field(mapped);
        return field == null ? null : field.getGenericType();
    }

    private static boolean convertedBy(Mapped mapped, Class<?> converter) {
        Field field = field(mapped);
        Convert convert = field == null ? null : field.getAnnotation(Convert.class);
        return convert != null && convert.converter() == converter;
    }

    private static Field field(Mapped mapped) {
        for (Class<?> type = mapped.entity(); type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                return type.getDeclaredField(mapped.attribute());
            } catch (NoSuchFieldException e) {
                // a superclass may declare it
            }
        }
        return null;
    }

    private static final Map<Class<?>, Set<String>> SCALARS = Map.ofEntries(
            Map.entry(UUID.class, Set.of("uuid")),
            Map.entry(String.class, Set.of("text", "varchar", "bpchar")),
            Map.entry(OffsetDateTime.class, Set.of("timestamptz")),
            Map.entry(LocalDate.class, Set.of("date")),
            Map.entry(BigDecimal.class, Set.of("numeric")),
            Map.entry(boolean.class, Set.of("bool")),
            Map.entry(Boolean.class, Set.of("bool")),
            Map.entry(int.class, Set.of("int4")),
            Map.entry(Integer.class, Set.of("int4")),
            Map.entry(long.class, Set.of("int8")),
            Map.entry(Long.class, Set.of("int8")),
            Map.entry(JsonObject.class, Set.of("jsonb")),
            Map.entry(JsonValue.class, Set.of("jsonb")));

    static Set<String> acceptedTypes(Type type) {
        if (type instanceof Class<?> plain) {
            if (plain.isEnum()) {
                return Set.of("text", "varchar");
            }
            return SCALARS.getOrDefault(plain, Set.of());
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            Type element = parameterized.getActualTypeArguments()[0];
            if (element == String.class) {
                return Set.of("_text");
            }
            if (element == UUID.class) {
                return Set.of("_uuid");
            }
        }
        return Set.of();
    }
}
