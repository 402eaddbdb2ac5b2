package dev.switchboard.core.events;

import dev.switchboard.core.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A declared kind of platform event: its name, the version of its payload's shape, and the JSON
 * Schema every payload of this version satisfies. Declared once, in {@link EventCatalog}; triggers,
 * the outbox and (later) webhooks and plugins all refer to the declaration, never to a string literal.
 *
 * @param name lower case, dot separated: {@code contact.tag_added}
 * @param version the payload version; a change that is not backward compatible gets a new version
 * @param description one sentence, shown to users choosing a trigger
 * @param payloadSchema a JSON Schema (draft 2020-12) of the payload
 */
public record EventType(String name, int version, String description, String payloadSchema) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    public EventType {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("event type names look like 'area.happened', was: " + name);
        }
        if (version < 1) {
            throw new IllegalArgumentException("event type versions start at 1");
        }
        description = Objects.requireNonNullElse(description, "");
        Objects.requireNonNull(payloadSchema, "payloadSchema");
    }

    /**
     * The payload's fields as its schema names them (its top-level {@code properties}); empty when the
     * schema names none, so any field may be there.
     */
    public Set<String> fields() {
        try (JsonReader reader = Json.createReader(new StringReader(payloadSchema))) {
            if (reader.readValue() instanceof JsonObject schema && schema.get("properties") instanceof JsonObject properties) {
                return new TreeSet<>(properties.keySet());
            }
        } catch (JsonException notJson) {
            // a schema that does not read declares no fields
        }
        return Set.of();
    }
}
