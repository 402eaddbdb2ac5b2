package dev.switchboard.core.events;

import java.util.Objects;
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
}
