package dev.switchboard.core.plugins.schema;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.switchboard.api.PluginException;
import dev.switchboard.api.settings.MissingSettingException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns text values (a service task's inputs, a location's settings) into the plugin's record,
 * validated against the record's JSON Schema, and a record back into text (an action's outputs).
 * Every refusal names the field, for the step log or the settings form.
 */
public final class RecordValues {

    /** Looked up once: {@code jakarta.json.Json} looks it up through the class loaders on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final ClassValue<Schema> VALIDATORS = new ClassValue<>() {
        @Override
        protected Schema computeValue(Class<?> type) {
            return SCHEMAS.getSchema(RecordSchemas.of(type).toString());
        }
    };

    private RecordValues() {
    }

    /** Values that do not fit the record: each names its field. */
    public static final class InvalidValues extends Exception {

        private static final long serialVersionUID = 1L;

        private final transient List<String> problems;

        InvalidValues(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** The record built from text values; names not among its components are ignored. */
    public static <R> R bind(Class<R> type, Map<String, String> values) throws InvalidValues {
        JsonObject json = toJson(type, values);
        List<String> problems = validate(type, json);
        if (!problems.isEmpty()) {
            throw new InvalidValues(problems);
        }
        return construct(type, json);
    }

    /**
     * A plugin's settings record from a location's stored values: a required field left unset is a
     * {@link MissingSettingException} naming it, any other misfit a {@link PluginException} (values
     * saved before an upgrade changed the record). One rule for the host and the test kit's host.
     */
    public static <T> T settings(Class<T> type, Map<String, String> values) throws PluginException {
        JsonObject schema = RecordSchemas.of(type);
        if (schema.containsKey("required")) {
            for (jakarta.json.JsonString required : schema.getJsonArray("required")
                    .getValuesAs(jakarta.json.JsonString.class)) {
                String value = values.get(required.getString());
                if (value == null || value.isBlank()) {
                    throw new MissingSettingException(required.getString());
                }
            }
        }
        try {
            return bind(type, values);
        } catch (InvalidValues e) {
            throw new PluginException("the plugin's settings for this location need attention: " + e.getMessage());
        }
    }

    /** What is wrong with the values for this record, if anything. */
    public static List<String> validate(Class<?> type, Map<String, String> values) {
        try {
            return validate(type, toJson(type, values));
        } catch (InvalidValues e) {
            return e.problems();
        }
    }

    /** A record's components as text: what becomes run variables. {@code null} components are left out. */
    public static Map<String, String> text(Record value) {
        Map<String, String> result = new LinkedHashMap<>();
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            try {
                Object item = component.getAccessor().invoke(value);
                if (item instanceof List<?> list) {
                    JsonArrayBuilder array = JSON.createArrayBuilder();
                    list.forEach(element -> array.add(String.valueOf(element)));
                    result.put(component.getName(), array.build().toString());
                } else if (item != null) {
                    result.put(component.getName(), item instanceof BigDecimal decimal ? decimal.toPlainString()
                            : String.valueOf(item));
                }
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("reading '" + component.getName() + "' of " + value.getClass().getName()
                        + " failed: " + e.getCause(), e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + component + " of " + value.getClass().getName(), e);
            }
        }
        return result;
    }

    private static JsonObject toJson(Class<?> type, Map<String, String> values) throws InvalidValues {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        List<String> problems = new ArrayList<>();
        JsonObject properties = RecordSchemas.of(type).getJsonObject("properties");
        for (RecordComponent component : type.getRecordComponents()) {
            String name = component.getName();
            String text = values.get(name);
            if (text == null || text.isBlank()) {
                JsonObject property = properties == null ? null : properties.getJsonObject(name);
                text = property != null && property.containsKey("default") ? property.getString("default", null) : null;
            }
            if (text == null || text.isBlank()) {
                continue;
            }
            try {
                add(json, name, component, text.strip());
            } catch (NumberFormatException e) {
                problems.add("'" + name + "': " + quote(text) + " is not a number");
            } catch (IllegalArgumentException e) {
                problems.add("'" + name + "': " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidValues(problems);
        }
        return json.build();
    }

    private static void add(JsonObjectBuilder json, String name, RecordComponent component, String text) {
        Class<?> type = component.getType();
        if (type == String.class || type.isEnum()) {
            json.add(name, text);
        } else if (type == boolean.class || type == Boolean.class) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (!lower.equals("true") && !lower.equals("false")) {
                throw new IllegalArgumentException(quote(text) + " is not true or false");
            }
            json.add(name, Boolean.parseBoolean(lower));
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            json.add(name, Long.parseLong(text));
        } else if (type == double.class || type == Double.class || type == BigDecimal.class) {
            json.add(name, new BigDecimal(text));
        } else if (type == List.class) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            if (text.startsWith("[")) {
                try (var reader = JSON.createReader(new java.io.StringReader(text))) {
                    reader.readArray().forEach(array::add);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("is not a JSON array of texts");
                }
            } else {
                Arrays.stream(text.split(",")).map(String::strip).filter(item -> !item.isEmpty()).forEach(array::add);
            }
            json.add(name, array);
        } else {
            throw new IllegalArgumentException("has a type the SDK does not support: " + type.getName());
        }
    }

    private static List<String> validate(Class<?> type, JsonObject json) {
        List<Error> errors = VALIDATORS.get(type).validate(json.toString(), InputFormat.JSON);
        return errors.stream().map(RecordValues::describe).toList();
    }

    private static String describe(Error error) {
        String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        String field = location.isEmpty() || location.equals("$") ? "" : location.replaceFirst("^[$/.]+", "");
        String property = error.getProperty();
        if (field.isEmpty() && property != null) {
            field = property;
        }
        return (field.isEmpty() ? "" : "'" + field + "': ") + error.getMessage();
    }

    @SuppressWarnings("unchecked")
    private static <R> R construct(Class<R> type, JsonObject json) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] arguments = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            arguments[i] = value(components[i], json);
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalArgumentException(type.getSimpleName() + " refused the values: " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName(), e);
        }
    }

    private static Object value(RecordComponent component, JsonObject json) {
        Class<?> type = component.getType();
        String name = component.getName();
        boolean present = json.containsKey(name);
        if (type == String.class) {
            return present ? json.getString(name) : null;
        }
        if (type.isEnum()) {
            return present ? enumValue(type, json.getString(name)) : null;
        }
        if (type == boolean.class) {
            return present && json.getBoolean(name);
        }
        if (type == Boolean.class) {
            return present ? json.getBoolean(name) : null;
        }
        if (type == int.class) {
            return present ? json.getJsonNumber(name).intValueExact() : 0;
        }
        if (type == Integer.class) {
            return present ? json.getJsonNumber(name).intValueExact() : null;
        }
        if (type == long.class) {
            return present ? json.getJsonNumber(name).longValueExact() : 0L;
        }
        if (type == Long.class) {
            return present ? json.getJsonNumber(name).longValueExact() : null;
        }
        if (type == double.class) {
            return present ? json.getJsonNumber(name).doubleValue() : 0d;
        }
        if (type == Double.class) {
            return present ? json.getJsonNumber(name).doubleValue() : null;
        }
        if (type == BigDecimal.class) {
            return present ? json.getJsonNumber(name).bigDecimalValue() : null;
        }
        if (type == List.class) {
            return present ? json.getJsonArray(name).stream().map(item -> item instanceof jakarta.json.JsonString s
                    ? s.getString() : item.toString()).toList() : List.of();
        }
        throw new IllegalStateException("unsupported component type " + type.getName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String text) {
        return Enum.valueOf((Class) type, text);
    }

    private static String quote(String text) {
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
    }
}
