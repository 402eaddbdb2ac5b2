package dev.switchboard.core.plugins.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfig;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import dev.switchboard.api.schema.Field;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * JSON Schemas of the records plugins describe their inputs, outputs, settings and event payloads
 * with, derived from the records' components and their {@link Field} annotations by
 * jsonschema-generator. One source for validation, API documentation and generated forms.
 *
 * <p>Schemas are cached on the record class itself ({@link ClassValue}), so they go away with the
 * plugin version that defined the class.
 */
public final class RecordSchemas {

    /** Looked up once: {@code jakarta.json.Json} looks it up through the class loaders on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** The component types a record may use (see the SDK's schema package). */
    static final Set<Class<?>> SUPPORTED = Set.of(String.class, boolean.class, Boolean.class, int.class,
            Integer.class, long.class, Long.class, double.class, Double.class, BigDecimal.class, List.class);

    /** Longest text when a field names no limit. */
    public static final int DEFAULT_MAX_LENGTH = 4096;

    private static final SchemaGeneratorConfig CONFIG = config();
    private static final ClassValue<JsonObject> CACHE = new ClassValue<>() {
        @Override
        protected JsonObject computeValue(Class<?> type) {
            // a generator per type: its type resolver caches the classes it saw, which would pin a
            // replaced plugin version's class loader if it were shared
            ObjectNode schema = new SchemaGenerator(CONFIG).generateSchema(type);
            try (var reader = JSON.createReader(new StringReader(schema.toString()))) {
                return reader.readObject();
            }
        }
    };

    private RecordSchemas() {
    }

    /** The JSON Schema (draft 2020-12) of a record type. */
    public static JsonObject of(Class<?> type) {
        return CACHE.get(type);
    }

    /** What is wrong with a record type as an SDK schema type, if anything (unsupported components). */
    public static List<String> problems(Class<?> type) {
        if (!type.isRecord()) {
            return List.of(type.getName() + " is not a record");
        }
        return java.util.Arrays.stream(type.getRecordComponents())
                .filter(component -> !supported(component))
                .map(component -> type.getSimpleName() + "." + component.getName() + " has type "
                        + component.getGenericType().getTypeName()
                        + ", which is not one of String, boolean, int, long, double, BigDecimal, an enum or List<String>")
                .toList();
    }

    private static boolean supported(RecordComponent component) {
        Class<?> type = component.getType();
        if (type.isEnum()) {
            return true;
        }
        if (type == List.class) {
            return component.getGenericType().getTypeName().equals("java.util.List<java.lang.String>");
        }
        return SUPPORTED.contains(type);
    }

    private static SchemaGeneratorConfig config() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON);
        config.with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT);
        config.without(Option.SCHEMA_VERSION_INDICATOR);
        var fields = config.forFields();
        fields.withTitleResolver(field -> text(field, Field::title));
        fields.withDescriptionResolver(field -> text(field, Field::description));
        fields.withRequiredCheck(field -> annotation(field) != null && annotation(field).required());
        fields.withWriteOnlyCheck(field -> annotation(field) != null && annotation(field).secret());
        fields.withStringFormatResolver(field -> text(field, Field::format));
        fields.withStringMaxLengthResolver(field -> field.getType().getErasedType() == String.class
                ? maxLength(annotation(field)) : null);
        fields.withNumberInclusiveMinimumResolver(field -> annotation(field) == null
                || annotation(field).minimum() == Long.MIN_VALUE ? null : BigDecimal.valueOf(annotation(field).minimum()));
        fields.withNumberInclusiveMaximumResolver(field -> annotation(field) == null
                || annotation(field).maximum() == Long.MAX_VALUE ? null : BigDecimal.valueOf(annotation(field).maximum()));
        fields.withDefaultResolver(field -> text(field, Field::defaultValue));
        fields.withInstanceAttributeOverride((node, field, context) -> {
            Field annotation = annotation(field);
            if (annotation != null && annotation.multiline()) {
                node.put("x-multiline", true);
            }
            if (annotation != null && !annotation.example().isEmpty()) {
                node.putArray("examples").add(annotation.example());
            }
        });
        // properties in the record's order (the generator's default is alphabetical): forms list them so
        config.forTypesInGeneral().withPropertySorter(Comparator.<MemberScope<?, ?>>comparingInt(RecordSchemas::position)
                .thenComparing(MemberScope::getName));
        return config.build();
    }

    /** A record component's place in its record; other members after every component. */
    private static int position(MemberScope<?, ?> member) {
        RecordComponent[] components = member.getDeclaringType().getErasedType().getRecordComponents();
        for (int i = 0; components != null && i < components.length; i++) {
            if (components[i].getName().equals(member.getName())) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static Integer maxLength(Field field) {
        return field == null || field.maxLength() <= 0 ? DEFAULT_MAX_LENGTH : field.maxLength();
    }

    private static Field annotation(FieldScope field) {
        Field onField = field.getAnnotationConsideringFieldAndGetter(Field.class);
        if (onField != null) {
            return onField;
        }
        // annotations on record components are copied to the accessor and the private field per @Target
        if (field.getDeclaringType().getErasedType().isRecord()) {
            for (RecordComponent component : field.getDeclaringType().getErasedType().getRecordComponents()) {
                if (component.getName().equals(field.getName())) {
                    return component.getAnnotation(Field.class);
                }
            }
        }
        return null;
    }

    private static String text(FieldScope field, java.util.function.Function<Field, String> member) {
        Field annotation = annotation(field);
        if (annotation == null) {
            return null;
        }
        String value = member.apply(annotation);
        return value == null || value.isEmpty() ? null : value;
    }
}
