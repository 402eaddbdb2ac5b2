package dev.switchboard.core.plugins.registry;

import dev.switchboard.core.json.Json;
import dev.switchboard.core.plugins.schema.RecordSchemas;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;

/**
 * An extension's descriptor annotation as JSON, member by member, for the API and the console: texts,
 * numbers, flags and enums as they are, record types as their JSON Schemas. Generic over every
 * descriptor type.
 */
public final class Descriptors {

    private Descriptors() {
    }

    public static JsonObject json(Annotation descriptor) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        if (descriptor == null) {
            return json.build();
        }
        Method[] members = descriptor.annotationType().getDeclaredMethods();
        Arrays.sort(members, Comparator.comparing(Method::getName));
        for (Method member : members) {
            try {
                add(json, member.getName(), member.invoke(descriptor));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + member, e);
            }
        }
        return json.build();
    }

    private static void add(JsonObjectBuilder json, String name, Object value) {
        if (value instanceof String text) {
            json.add(name, text);
        } else if (value instanceof Boolean flag) {
            json.add(name, flag);
        } else if (value instanceof Integer number) {
            json.add(name, number);
        } else if (value instanceof Long number) {
            json.add(name, number);
        } else if (value instanceof Enum<?> constant) {
            json.add(name, constant.name());
        } else if (value instanceof Class<?> type) {
            json.add(name, type.isRecord() ? RecordSchemas.of(type) : Json.createValue(type.getName()));
        } else if (value != null && value.getClass().isArray()) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            for (int i = 0; i < Array.getLength(value); i++) {
                array.add(String.valueOf(Array.get(value, i)));
            }
            json.add(name, array);
        } else if (value != null) {
            json.add(name, String.valueOf(value));
        }
    }
}
