package dev.switchboard.core.crm.values;

import dev.switchboard.core.crm.CrmInput;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.EntityMappings;
import dev.switchboard.core.db.Timestamps;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.InputValidation;
import dev.switchboard.core.problems.JsonInput;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A location's custom values: named constants (a company name, a booking link) that workflow texts
 * use as merge fields, {@code {{custom_values.<key>}}}. Keys are unique per location.
 */
@ApplicationScoped
public class CustomValues {

    public static final String KEY = "[a-z][a-z0-9_]{0,62}";
    public static final int MAX_NAME = 100;
    public static final int MAX_VALUE = 10_000;
    /** Most custom values of one location. */
    public static final int MAX_VALUES = 1_000;
    /** The prefix of their merge fields. */
    public static final String MERGE_FIELD_PREFIX = "custom_values.";
    private static final String LONGER = "is longer than {max} characters";
    private static final Set<String> READ_ONLY = Set.of("id", "createdAt", "updatedAt");

    /** A custom value's request, as Bean Validation checks it. */
    record ValueText(
            @NotNull(message = "is required") @Pattern(regexp = KEY,
                    message = "must be 1-63 lower-case letters, digits or _, starting with a letter") String key,
            @NotBlank(message = "is required") @Size(max = MAX_NAME, message = LONGER) String name,
            @Size(max = MAX_VALUE, message = LONGER) String value) {
    }

    @PersistenceContext(unitName = EntityMappings.UNIT)
    EntityManager em;

    @Inject
    Database db;

    @Inject
    InputValidation validation;

    /** The location's custom values, by key. */
    public List<CustomValue> list(LocationId locationId) {
        return entities(locationId).stream().map(CustomValueEntity::view).toList();
    }

    public Optional<CustomValue> find(LocationId locationId, UUID valueId) {
        return entity(locationId, valueId).map(CustomValueEntity::view);
    }

    /** The values by key, for rendering merge fields. */
    public Map<String, String> byKey(LocationId locationId) {
        Map<String, String> values = new LinkedHashMap<>();
        entities(locationId).forEach(value -> values.put(value.key, value.value));
        return values;
    }

    @Transactional
    public CustomValue create(LocationId locationId, JsonObject body) {
        CustomValueEntity value = new CustomValueEntity();
        value.id = UUID.randomUUID();
        value.locationId = locationId.value();
        read(body, value);
        long count = db.queryOne("SELECT count(*) FROM custom_value WHERE location_id = ?", row -> row.getLong(1), locationId)
                .orElse(0L);
        if (count >= MAX_VALUES) {
            throw ProblemException.conflict("a location has at most " + MAX_VALUES + " custom values");
        }
        requireUniqueKey(locationId, value);
        value.createdAt = Timestamps.now();
        value.updatedAt = value.createdAt;
        em.persist(value);
        em.flush();
        return value.view();
    }

    /** Changes a custom value by a JSON merge patch of its key, name and value. */
    @Transactional
    public CustomValue patch(LocationId locationId, UUID valueId, JsonObject patch) {
        CustomValueEntity value = entity(locationId, valueId).orElseThrow(() -> notFound(valueId));
        JsonObject before = editable(value);
        Violations violations = new Violations();
        CrmInput.refuseReadOnly(patch, READ_ONLY, violations);
        violations.throwIfAny();
        JsonObject patched = Json.createMergePatch(CrmInput.without(patch, READ_ONLY)).apply(before).asJsonObject();
        read(patched, value);
        if (before.equals(editable(value))) {
            return value.view();
        }
        requireUniqueKey(locationId, value);
        value.updatedAt = Timestamps.now();
        em.flush();
        return value.view();
    }

    @Transactional
    public void delete(LocationId locationId, UUID valueId) {
        em.remove(entity(locationId, valueId).orElseThrow(() -> notFound(valueId)));
        em.flush();
    }

    /** Reads a whole custom value (absent members are cleared, and the value becomes empty). */
    private void read(JsonObject request, CustomValueEntity target) {
        Violations violations = new Violations();
        CrmInput.refuseReadOnly(request, READ_ONLY, violations);
        JsonInput input = JsonInput.of(CrmInput.without(request, READ_ONLY), violations);
        ValueText text = new ValueText(CrmInput.text(input, "key"), CrmInput.text(input, "name"),
                CrmInput.verbatim(input, "value"));
        input.finish();
        CrmInput.validate(validation, text, violations);
        violations.throwIfAny();
        target.key = text.key();
        target.name = text.name();
        target.value = text.value() == null ? "" : text.value();
    }

    /** Refuses a key another value of the location has; a lock on the key keeps two requests from both taking it. */
    private void requireUniqueKey(LocationId locationId, CustomValueEntity value) {
        db.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", row -> true, locationId + "custom_value:" + value.key);
        if (db.queryOne("SELECT 1 FROM custom_value WHERE location_id = ? AND value_key = ? AND id <> ?", row -> true,
                locationId, value.key, value.id).isPresent()) {
            throw ProblemException.conflict("the location already has a custom value with key " + Texts.quote(value.key));
        }
    }

    private List<CustomValueEntity> entities(LocationId locationId) {
        return em.createQuery("SELECT v FROM CustomValueEntity v WHERE v.locationId = :location ORDER BY v.key",
                CustomValueEntity.class).setParameter("location", locationId.value()).getResultList();
    }

    private Optional<CustomValueEntity> entity(LocationId locationId, UUID valueId) {
        CustomValueEntity value = em.find(CustomValueEntity.class, valueId);
        return value == null || !value.locationId.equals(locationId.value()) ? Optional.empty() : Optional.of(value);
    }

    private static JsonObject editable(CustomValueEntity value) {
        return Json.createObjectBuilder().add("key", value.key).add("name", value.name).add("value", value.value).build();
    }

    private static ProblemException notFound(UUID valueId) {
        return ProblemException.notFound("custom value " + valueId);
    }
}
