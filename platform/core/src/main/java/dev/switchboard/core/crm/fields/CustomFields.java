package dev.switchboard.core.crm.fields;

import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.EntityMappings;
import dev.switchboard.core.db.Timestamps;
import dev.switchboard.core.problems.JsonInput;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The custom field definitions of a location. Values live with their owner (contact, opportunity,
 * company) keyed by the field's id, so renaming a field or its key keeps them; deleting a field that
 * has values needs {@code confirm}, and removes them.
 */
@ApplicationScoped
public class CustomFields {

    public static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    public static final int MAX_NAME = 100;
    public static final int MAX_OPTIONS = 200;
    public static final int MAX_OPTION = 100;
    public static final int MAX_PLACEHOLDER = 200;
    public static final int MAX_GROUP = 100;
    /** Most fields per location and model. */
    public static final int MAX_FIELDS = 500;

    @PersistenceContext(unitName = EntityMappings.UNIT)
    EntityManager em;

    @Inject
    Database db;

    /** The definitions of one model, in position order. */
    public List<CustomField> list(LocationId locationId, FieldModel model) {
        return definitions(locationId, model).stream().map(CustomFieldEntity::view).toList();
    }

    /**
     * The definitions as entities, for value checks. Reading them does not flush the transaction's
     * pending changes: a record being changed is checked with them before it may be written.
     */
    List<CustomFieldEntity> definitions(LocationId locationId, FieldModel model) {
        return em.createQuery("SELECT f FROM CustomFieldEntity f WHERE f.locationId = :location AND f.model = :model"
                        + " ORDER BY f.position, f.name, f.id", CustomFieldEntity.class)
                .setParameter("location", locationId.value()).setParameter("model", model)
                .setFlushMode(FlushModeType.COMMIT).getResultList();
    }

    public Optional<CustomField> find(LocationId locationId, UUID id) {
        return entity(locationId, id).map(CustomFieldEntity::view);
    }

    private Optional<CustomFieldEntity> entity(LocationId locationId, UUID id) {
        CustomFieldEntity field = em.find(CustomFieldEntity.class, id);
        return field == null || !field.locationId.equals(locationId.value()) ? Optional.empty() : Optional.of(field);
    }

    @Transactional
    public CustomField create(LocationId locationId, JsonObject body) {
        Violations violations = new Violations();
        JsonInput input = JsonInput.of(body, violations);
        CustomFieldEntity field = new CustomFieldEntity();
        field.id = UUID.randomUUID();
        field.locationId = locationId.value();
        String model = input.string("model");
        field.model = model == null ? FieldModel.CONTACT : FieldModel.fromApi(model).orElse(null);
        if (field.model == null) {
            violations.field("model", "must be contact, opportunity or company, was " + Texts.quote(model));
        }
        String type = input.string("type");
        if (type == null) {
            violations.field("type", "required: one of " + FieldType.apiNames());
        } else {
            field.type = FieldType.fromApi(type).orElse(null);
            if (field.type == null) {
                violations.field("type", Texts.quote(type) + " is not one of " + FieldType.apiNames());
            }
        }
        if (!input.has("key") || input.string("key") == null) {
            violations.field("key", "required: lower-case letters, digits and _, starting with a letter");
        }
        if (!input.has("name") || input.string("name") == null) {
            violations.field("name", "required");
        }
        readChangeable(input, field, violations);
        input.finish();
        violations.throwIfAny();
        if (field.model != null && count(locationId, field.model) >= MAX_FIELDS) {
            throw ProblemException.conflict("a location has at most " + MAX_FIELDS + " " + field.model.apiName() + " fields");
        }
        requireUniqueKey(locationId, field);
        field.createdAt = Timestamps.now();
        field.updatedAt = field.createdAt;
        em.persist(field);
        return field.view();
    }

    /** Changes the members given: key, name, options, required, placeholder, group, position (not model or type). */
    @Transactional
    public CustomField update(LocationId locationId, UUID id, JsonObject body) {
        CustomFieldEntity field = entity(locationId, id).orElseThrow(() -> ProblemException.notFound("custom field " + id));
        Violations violations = new Violations();
        JsonInput input = JsonInput.of(body, violations);
        for (String fixed : List.of("model", "type")) {
            if (input.has(fixed)) {
                String value = input.string(fixed);
                String current = fixed.equals("model") ? field.model.apiName() : field.type.apiName();
                if (value != null && !value.equals(current)) {
                    violations.field(fixed, "a field's " + fixed + " cannot change; create a new field instead");
                }
            }
        }
        List<String> optionsBefore = List.copyOf(field.options);
        readChangeable(input, field, violations);
        input.finish();
        violations.throwIfAny();
        for (String removed : optionsBefore) {
            if (!field.options.contains(removed)) {
                long using = valuesUsing(locationId, field, removed);
                if (using > 0) {
                    throw ProblemException.conflict("option " + Texts.quote(removed) + " is the value of " + using
                            + " " + field.model.apiName() + "(s); change their values before removing it");
                }
            }
        }
        requireUniqueKey(locationId, field);
        field.updatedAt = Timestamps.now();
        em.flush();
        return field.view();
    }

    /**
     * Deletes a field. When some records have a value for it, {@code confirm} must be true, and the
     * values are removed with it.
     *
     * @return how many records lost their value
     */
    @Transactional
    public long delete(LocationId locationId, UUID id, boolean confirm) {
        CustomFieldEntity field = entity(locationId, id).orElseThrow(() -> ProblemException.notFound("custom field " + id));
        long withValues = db.queryOne("SELECT count(*) FROM " + table(field.model)
                        + " WHERE location_id = ? AND jsonb_exists(custom_fields, ?)", row -> row.getLong(1), locationId, id.toString())
                .orElse(0L);
        if (withValues > 0 && !confirm) {
            throw ProblemException.conflict(withValues + " " + field.model.apiName() + "(s) have a value for "
                    + Texts.quote(field.key) + "; delete with confirm=true to delete the field and those values");
        }
        if (withValues > 0) {
            db.update("UPDATE " + table(field.model) + " SET custom_fields = custom_fields - ? WHERE location_id = ?"
                    + " AND jsonb_exists(custom_fields, ?)", id.toString(), locationId, id.toString());
        }
        em.remove(field);
        return withValues;
    }

    private void readChangeable(JsonInput input, CustomFieldEntity field, Violations violations) {
        if (input.has("key")) {
            String key = input.string("key");
            if (key != null && !KEY.matcher(key).matches()) {
                violations.field("key", Texts.quote(key) + " must be 1-63 lower-case letters, digits or _, starting with a letter");
            } else if (key != null) {
                field.key = key;
            }
        }
        if (input.has("name")) {
            String name = Texts.optional(input.string("name"), "/name", MAX_NAME, violations);
            if (name != null) {
                field.name = name;
            } else if (input.value("name") != null) {
                violations.field("name", "must not be blank");
            }
        }
        if (input.has("options")) {
            List<String> options = input.strings("options", MAX_OPTIONS);
            LinkedHashSet<String> unique = new LinkedHashSet<>();
            if (options != null) {
                for (int i = 0; i < options.size(); i++) {
                    String option = Texts.optional(options.get(i), "/options/" + i, MAX_OPTION, violations);
                    if (option != null && !unique.add(option)) {
                        violations.at("/options/" + i, Texts.quote(option) + " is listed twice");
                    }
                }
            }
            field.options = new ArrayList<>(unique);
        }
        if (field.type != null) {
            if (field.type.hasOptions() && field.options.isEmpty()) {
                violations.field("options", "a " + field.type.apiName() + " field needs at least one option");
            } else if (!field.type.hasOptions() && !field.options.isEmpty()) {
                violations.field("options", "only singleOption and multipleOptions fields have options");
            }
        }
        Boolean required = input.bool("required");
        if (required != null) {
            field.required = required;
        }
        if (input.has("placeholder")) {
            field.placeholder = Texts.optional(input.string("placeholder"), "/placeholder", MAX_PLACEHOLDER, violations);
        }
        if (input.has("group")) {
            field.group = Texts.optional(input.string("group"), "/group", MAX_GROUP, violations);
        }
        Integer position = input.integer("position");
        if (position != null) {
            if (position < 0 || position > 10_000) {
                violations.field("position", "must be from 0 to 10000");
            } else {
                field.position = position;
            }
        }
    }

    private void requireUniqueKey(LocationId locationId, CustomFieldEntity field) {
        List<CustomFieldEntity> same = em.createQuery("SELECT f FROM CustomFieldEntity f WHERE f.locationId = :location"
                        + " AND f.model = :model AND f.key = :key AND f.id <> :id", CustomFieldEntity.class)
                .setParameter("location", locationId.value()).setParameter("model", field.model)
                .setParameter("key", field.key).setParameter("id", field.id).getResultList();
        if (!same.isEmpty()) {
            throw ProblemException.conflict("the location already has a " + field.model.apiName() + " field with key "
                    + Texts.quote(field.key));
        }
    }

    private long count(LocationId locationId, FieldModel model) {
        return em.createQuery("SELECT count(f) FROM CustomFieldEntity f WHERE f.locationId = :location AND f.model = :model",
                Long.class).setParameter("location", locationId.value()).setParameter("model", model).getSingleResult();
    }

    private long valuesUsing(LocationId locationId, CustomFieldEntity field, String option) {
        String id = field.id.toString();
        return db.queryOne("SELECT count(*) FROM " + table(field.model) + " WHERE location_id = ? AND (custom_fields ->> ? = ?"
                        + " OR (jsonb_typeof(custom_fields -> ?) = 'array' AND jsonb_exists(custom_fields -> ?, ?)))",
                row -> row.getLong(1), locationId, id, option, id, id, option).orElse(0L);
    }

    /** The table holding the values of a model's fields (a constant per model, never user text). */
    static String table(FieldModel model) {
        return switch (model) {
            case CONTACT -> "contact";
            case OPPORTUNITY -> "opportunity";
            case COMPANY -> "company";
        };
    }
}
