package dev.switchboard.core.events;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The one list of event types the platform knows, with their payload schemas. Payloads are checked
 * against the schema when they are appended to the outbox, so a consumer never meets a malformed one.
 */
@ApplicationScoped
public class EventCatalog {

    /** A contact was created: {@code {"contactId": "…"}}. */
    public static final EventType CONTACT_CREATED = new EventType("contact.created", 1,
            "A contact was created", """
            {"type": "object", "required": ["contactId"], "additionalProperties": false,
             "properties": {"contactId": {"type": "string", "pattern": "^[0-9a-f-]{36}$"}}}""");

    /** A tag was added to a contact: {@code {"contactId": "…", "tag": "lead"}}. */
    public static final EventType CONTACT_TAG_ADDED = new EventType("contact.tag_added", 1,
            "A tag was added to a contact", """
            {"type": "object", "required": ["contactId", "tag"], "additionalProperties": false,
             "properties": {"contactId": {"type": "string", "pattern": "^[0-9a-f-]{36}$"},
                            "tag": {"type": "string", "minLength": 1, "maxLength": 63}}}""");

    private static final List<EventType> PLATFORM_TYPES = List.of(CONTACT_CREATED, CONTACT_TAG_ADDED);
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final Map<String, Declared> byName = new ConcurrentHashMap<>();

    public EventCatalog() {
        PLATFORM_TYPES.forEach(this::declare);
    }

    private void declare(EventType type) {
        if (byName.putIfAbsent(type.name(), new Declared(type, SCHEMAS.getSchema(type.payloadSchema()))) != null) {
            throw new IllegalStateException("event type " + type.name() + " is declared twice");
        }
    }

    public Collection<EventType> types() {
        return byName.values().stream().map(Declared::type).toList();
    }

    public Optional<EventType> find(String name) {
        return Optional.ofNullable(byName.get(name)).map(Declared::type);
    }

    /**
     * Checks a payload against its type's schema.
     *
     * @throws IllegalArgumentException naming what is wrong: an event that does not match its
     *     declaration is a programming error, not bad user input
     */
    public void check(EventType type, JsonObject payload) {
        Declared declared = byName.get(type.name());
        if (declared == null || !declared.type().equals(type)) {
            throw new IllegalArgumentException("event type " + type.name() + " v" + type.version() + " is not declared");
        }
        List<Error> errors = declared.schema().validate(payload.toString(), InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("payload of " + type.name() + " does not match its schema: "
                    + errors.stream().map(Error::toString).collect(Collectors.joining("; ")));
        }
    }

    private record Declared(EventType type, Schema schema) {
    }
}
