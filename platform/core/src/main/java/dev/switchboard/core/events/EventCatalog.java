package dev.switchboard.core.events;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one list of event types the platform knows, with their payload schemas: the platform's own
 * (below), and those the active plugins declare ({@link EventTypeSource}). Payloads are checked
 * against the schema when they are appended to the outbox, so a consumer never meets a malformed one.
 */
@ApplicationScoped
public class EventCatalog {

    private static final String ID = "{\"type\": \"string\", \"pattern\": \"^[0-9a-f-]{36}$\"}";
    private static final String STATUS = "{\"enum\": [\"open\", \"won\", \"lost\", \"abandoned\"]}";

    /**
     * A CRM event type (version 1): its payload always names the contact ({@code contactId}), then
     * {@code properties} (JSON Schema members, may be null), of which {@code required} are required.
     * Values are flat strings, so that a trigger can match on them.
     */
    private static EventType crm(String name, String description, String properties, String... required) {
        StringBuilder names = new StringBuilder("\"contactId\"");
        for (String field : required) {
            names.append(", \"").append(field).append('"');
        }
        return new EventType(name, 1, description, "{\"type\": \"object\", \"required\": [" + names
                + "], \"additionalProperties\": false, \"properties\": {\"contactId\": " + ID
                + (properties == null ? "" : ", " + properties) + "}}");
    }

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

    /** A contact's standard fields changed: {@code {"contactId": "…", "fields": ["email", "phone"]}}. */
    public static final EventType CONTACT_UPDATED = crm("contact.updated", "A contact's fields changed",
            "\"fields\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}, \"maxItems\": 100}", "fields");

    /** A contact was deleted (it can be restored for 30 days). */
    public static final EventType CONTACT_DELETED = crm("contact.deleted", "A contact was deleted", null);

    /** A duplicate was merged into a contact: {@code {"contactId": primary, "duplicateId": …}}. */
    public static final EventType CONTACT_MERGED = crm("contact.merged", "A duplicate contact was merged into this one",
            "\"duplicateId\": " + ID, "duplicateId");

    /** A tag was removed from a contact. */
    public static final EventType CONTACT_TAG_REMOVED = crm("contact.tag_removed", "A tag was removed from a contact",
            "\"tag\": {\"type\": \"string\", \"minLength\": 1, \"maxLength\": 63}", "tag");

    /** A custom field's value changed: {@code fieldKey}, and {@code value} as text (absent when cleared). */
    public static final EventType CONTACT_CUSTOM_FIELD_CHANGED = crm("contact.custom_field_changed",
            "A custom field of a contact changed", "\"fieldId\": " + ID + ", \"fieldKey\": {\"type\": \"string\"},"
                    + " \"value\": {\"type\": \"string\"}", "fieldId", "fieldKey");

    /** Do-not-disturb changed: {@code dnd} ("true"/"false") and which channels are blocked now. */
    public static final EventType CONTACT_DND_CHANGED = crm("contact.dnd_changed", "A contact's do-not-disturb changed",
            "\"dnd\": {\"enum\": [\"true\", \"false\"]}, \"channels\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}}",
            "dnd", "channels");

    public static final EventType NOTE_CREATED = crm("note.created", "A note was added to a contact",
            "\"noteId\": " + ID, "noteId");

    public static final EventType TASK_CREATED = crm("task.created", "A task was created for a contact",
            "\"taskId\": " + ID + ", \"assignedTo\": " + ID, "taskId");

    public static final EventType TASK_COMPLETED = crm("task.completed", "A contact's task was completed",
            "\"taskId\": " + ID, "taskId");

    private static final String OPPORTUNITY = "\"opportunityId\": " + ID + ", \"pipelineId\": " + ID
            + ", \"pipelineName\": {\"type\": \"string\"}";

    public static final EventType OPPORTUNITY_CREATED = crm("opportunity.created", "An opportunity was created",
            OPPORTUNITY + ", \"stageId\": " + ID + ", \"stageName\": {\"type\": \"string\"}",
            "opportunityId", "pipelineId", "stageId");

    /** An opportunity moved to another stage: {@code fromStageId}, {@code toStageId} and {@code toStageName}. */
    public static final EventType OPPORTUNITY_STAGE_CHANGED = crm("opportunity.stage_changed",
            "An opportunity moved to another stage", OPPORTUNITY + ", \"fromStageId\": " + ID + ", \"fromStageName\": "
                    + "{\"type\": \"string\"}, \"toStageId\": " + ID + ", \"toStageName\": {\"type\": \"string\"}",
            "opportunityId", "pipelineId", "toStageId");

    /** An opportunity's status changed: {@code from} and {@code to} (open, won, lost, abandoned). */
    public static final EventType OPPORTUNITY_STATUS_CHANGED = crm("opportunity.status_changed",
            "An opportunity was won, lost, abandoned or reopened", OPPORTUNITY
                    + ", \"from\": " + STATUS + ", \"to\": " + STATUS, "opportunityId", "pipelineId", "from", "to");

    /** An opportunity's monetary value changed: {@code before} and {@code after} as decimal text. */
    public static final EventType OPPORTUNITY_VALUE_CHANGED = crm("opportunity.value_changed",
            "An opportunity's value changed", OPPORTUNITY + ", \"before\": {\"type\": \"string\"}, \"after\": "
                    + "{\"type\": \"string\"}, \"currency\": {\"type\": \"string\"}", "opportunityId", "pipelineId");

    /**
     * A contact sent a message on some channel (a reply): {@code {"contactId", "channel", "messageId"}}.
     * Starts "customer replied" workflows and ends reply waits.
     */
    public static final EventType CONVERSATION_MESSAGE_RECEIVED = crm("conversation.message_received",
            "A contact sent a message (a reply) on a channel",
            "\"channel\": {\"type\": \"string\", \"minLength\": 1, \"maxLength\": 64}, \"messageId\": " + ID,
            "channel", "messageId");

    private static final List<EventType> PLATFORM_TYPES = List.of(CONTACT_CREATED, CONTACT_TAG_ADDED, CONTACT_UPDATED,
            CONTACT_DELETED, CONTACT_MERGED, CONTACT_TAG_REMOVED, CONTACT_CUSTOM_FIELD_CHANGED, CONTACT_DND_CHANGED,
            NOTE_CREATED, TASK_CREATED, TASK_COMPLETED, OPPORTUNITY_CREATED, OPPORTUNITY_STAGE_CHANGED,
            OPPORTUNITY_STATUS_CHANGED, OPPORTUNITY_VALUE_CHANGED, CONVERSATION_MESSAGE_RECEIVED);
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final Map<String, Declared> byName = new ConcurrentHashMap<>();
    /** Compiled schemas of declared types from sources, by name; replaced when a declaration changes. */
    private final Map<String, Declared> compiled = new ConcurrentHashMap<>();

    @Inject
    Instance<EventTypeSource> sources;

    private final List<EventTypeSource> given;

    public EventCatalog() {
        this(List.of());
    }

    /** A catalog with these sources besides the platform's types (outside a container, in tests). */
    public EventCatalog(List<EventTypeSource> given) {
        this.given = List.copyOf(given);
        PLATFORM_TYPES.forEach(this::declare);
    }

    /** Whether {@code name} is one of the platform's own types, which no plugin may declare. */
    public static boolean isPlatformType(String name) {
        return PLATFORM_TYPES.stream().anyMatch(type -> type.name().equals(name));
    }

    private void declare(EventType type) {
        if (byName.putIfAbsent(type.name(), new Declared(type, SCHEMAS.getSchema(type.payloadSchema()))) != null) {
            throw new IllegalStateException("event type " + type.name() + " is declared twice");
        }
    }

    public Collection<EventType> types() {
        List<EventType> all = new ArrayList<>(byName.values().stream().map(Declared::type).toList());
        all.addAll(declaredElsewhere());
        return all;
    }

    public Optional<EventType> find(String name) {
        Declared platform = byName.get(name);
        if (platform != null) {
            return Optional.of(platform.type());
        }
        return declaredElsewhere().stream().filter(type -> type.name().equals(name)).findFirst();
    }

    /**
     * Checks a payload against its type's schema.
     *
     * @throws IllegalArgumentException naming what is wrong: an event that does not match its
     *     declaration is a programming error, not bad user input
     */
    public void check(EventType type, JsonObject payload) {
        Declared declared = byName.containsKey(type.name()) ? byName.get(type.name()) : compiledElsewhere(type);
        if (declared == null || !declared.type().equals(type)) {
            throw new IllegalArgumentException("event type " + type.name() + " v" + type.version() + " is not declared");
        }
        List<Error> errors = declared.schema().validate(payload.toString(), InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("payload of " + type.name() + " does not match its schema: "
                    + errors.stream().map(Error::toString).collect(Collectors.joining("; ")));
        }
    }

    /** A type a source declares now, its schema compiled once per declaration. */
    private Declared compiledElsewhere(EventType type) {
        if (declaredElsewhere().stream().noneMatch(type::equals)) {
            return null;
        }
        return compiled.compute(type.name(), (name, known) -> known != null && known.type().equals(type) ? known
                : new Declared(type, SCHEMAS.getSchema(type.payloadSchema())));
    }

    private List<EventType> declaredElsewhere() {
        return Stream.concat(given.stream(), sources == null ? Stream.empty() : sources.stream())
                .flatMap(source -> source.types().stream())
                .filter(type -> !byName.containsKey(type.name())).toList();
    }

    private record Declared(EventType type, Schema schema) {
    }
}
