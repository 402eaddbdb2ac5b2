package dev.switchboard.core.crm.pipelines;

import dev.switchboard.core.crm.Actor;
import dev.switchboard.core.crm.fields.CustomFieldValues;
import dev.switchboard.core.crm.fields.FieldModel;
import dev.switchboard.core.crm.history.History;
import dev.switchboard.core.crm.settings.LocationCrmSettings;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.EntityMappings;
import dev.switchboard.core.db.Timestamps;
import dev.switchboard.core.events.EventCatalog;
import dev.switchboard.core.events.EventOutbox;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.paging.Cursor;
import dev.switchboard.core.paging.Page;
import dev.switchboard.core.problems.InputValidation;
import dev.switchboard.core.problems.JsonInput;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.LocationId;
import dev.switchboard.core.tenancy.LocationUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Opportunities of one location: create, read, change by JSON merge patch, delete. Every stage an
 * opportunity enters is kept in its stage history; every change of its fields is recorded in the
 * history (on its contact's timeline) and appended to the outbox as events
 * ({@code opportunity.created}, {@code .stage_changed}, {@code .status_changed}, {@code .value_changed}),
 * in the transaction of the change. Lists are in {@link OpportunitySearch}, the board in
 * {@link PipelineBoards}.
 */
@ApplicationScoped
public class Opportunities {

    public static final int MAX_NAME = 200;
    public static final int MAX_SOURCE = 200;
    public static final int MAX_LOST_REASON = 500;
    /** The largest monetary value, 10^13. */
    public static final String MAX_VALUE = "10000000000000";
    public static final String DEFAULT_CURRENCY = "USD";
    /** Members of an opportunity that a request cannot set. */
    private static final Set<String> READ_ONLY = Set.of("id", "locationId", "createdAt", "updatedAt",
            "lastStatusChangeAt", "lastStageChangeAt");
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    @PersistenceContext(unitName = EntityMappings.UNIT)
    EntityManager em;

    @Inject
    LocationUsers locationUsers;

    @Inject
    Database db;

    @Inject
    EventOutbox outbox;

    @Inject
    History history;

    @Inject
    CustomFieldValues customFieldValues;

    @Inject
    LocationCrmSettings settings;

    @Inject
    InputValidation validation;

    /** A request's values after every check: what an opportunity becomes. */
    private record Resolved(String name, UUID contactId, PipelineEntity pipeline, PipelineStageEntity stage,
                            OpportunityStatus status, BigDecimal monetaryValue, String currency, UUID assignedTo,
                            String source, String lostReason, CustomFieldValues.Applied custom) {
    }

    /** Creates an opportunity; without a stage it enters the pipeline's first. */
    @Transactional
    public Opportunity create(LocationId locationId, JsonObject body, Actor actor) {
        Violations violations = new Violations();
        refuseReadOnly(body, violations);
        JsonObject given = customFieldsOf(body, null, violations);
        Resolved resolved = resolve(locationId, withoutReadOnly(body), null, given, body,
                !present(body, "pipelineStageId"), violations);
        violations.throwIfAny();
        OpportunityEntity opportunity = new OpportunityEntity(UUID.randomUUID(), locationId.value(), Timestamps.now());
        apply(resolved, opportunity);
        em.persist(opportunity);
        em.flush();
        recordStageChange(locationId, opportunity, null, resolved.stage(), opportunity.createdAt);
        outbox.append(locationId, EventCatalog.OPPORTUNITY_CREATED, payload(opportunity, resolved.pipeline())
                .add("stageId", resolved.stage().id.toString()).add("stageName", resolved.stage().name).build());
        history.record(locationId, History.Subject.OPPORTUNITY, opportunity.id, opportunity.contactId, actor,
                List.of(new History.FieldChange("created", null, Json.createValue(opportunity.name))));
        return view(locationId, opportunity);
    }

    public Optional<Opportunity> find(LocationId locationId, UUID opportunityId) {
        return entity(locationId, opportunityId).map(opportunity -> view(locationId, opportunity));
    }

    /**
     * Changes an opportunity by a JSON merge patch (RFC 7396) of its representation. A new
     * {@code pipelineId} without a {@code pipelineStageId} puts it in that pipeline's first stage.
     */
    @Transactional
    public Opportunity patch(LocationId locationId, UUID opportunityId, JsonObject patch, Actor actor) {
        OpportunityEntity opportunity = entity(locationId, opportunityId).orElseThrow(() -> notFound(opportunityId));
        Violations violations = new Violations();
        refuseReadOnly(patch, violations);
        JsonObject before = standardFields(opportunity);
        JsonObject merged = Json.createMergePatch(withoutCustomFields(withoutReadOnly(patch))).apply(before).asJsonObject();
        boolean firstStage = false;
        if (patch.containsKey("pipelineId") && !patch.containsKey("pipelineStageId")
                && !Objects.equals(merged.get("pipelineId"), before.get("pipelineId"))) {
            merged = Json.createObjectBuilder(merged).remove("pipelineStageId").build();
            firstStage = true;
        }
        JsonObject given = customFieldsOf(patch, opportunity, violations);
        Resolved resolved = resolve(locationId, merged, opportunity, given, patch, firstStage, violations);
        violations.throwIfAny();

        UUID stageBefore = opportunity.pipelineStageId;
        OpportunityStatus statusBefore = opportunity.status;
        BigDecimal valueBefore = opportunity.monetaryValue;
        String currencyBefore = opportunity.currency;
        apply(resolved, opportunity);
        List<History.FieldChange> changes = diff(before, standardFields(opportunity));
        for (CustomFieldValues.Change change : resolved.custom().changes()) {
            changes.add(new History.FieldChange("customFields." + change.field().key(), change.before(), change.after()));
        }
        if (changes.isEmpty()) {
            em.refresh(opportunity);
            return view(locationId, opportunity);
        }
        OffsetDateTime now = Timestamps.now();
        opportunity.updatedAt = now;
        boolean stageChanged = !stageBefore.equals(opportunity.pipelineStageId);
        if (stageChanged) {
            opportunity.lastStageChangeAt = now;
        }
        if (statusBefore != opportunity.status) {
            opportunity.lastStatusChangeAt = now;
        }
        em.flush();
        if (stageChanged) {
            stageChanged(locationId, opportunity, resolved.pipeline(), em.find(PipelineStageEntity.class, stageBefore),
                    resolved.stage(), now);
        }
        if (statusBefore != opportunity.status) {
            outbox.append(locationId, EventCatalog.OPPORTUNITY_STATUS_CHANGED, payload(opportunity, resolved.pipeline())
                    .add("from", statusBefore.apiName()).add("to", opportunity.status.apiName()).build());
        }
        boolean currencyChanged = !Objects.equals(currencyBefore, opportunity.currency)
                && (valueBefore != null || opportunity.monetaryValue != null);
        if (!sameAmount(valueBefore, opportunity.monetaryValue) || currencyChanged) {
            JsonObjectBuilder event = payload(opportunity, resolved.pipeline());
            if (valueBefore != null) {
                event.add("before", cents(valueBefore).toPlainString());
            }
            if (opportunity.monetaryValue != null) {
                event.add("after", opportunity.monetaryValue.toPlainString());
            }
            outbox.append(locationId, EventCatalog.OPPORTUNITY_VALUE_CHANGED, event.add("currency", opportunity.currency).build());
        }
        history.record(locationId, History.Subject.OPPORTUNITY, opportunity.id, opportunity.contactId, actor, changes);
        return view(locationId, opportunity);
    }

    /** Deletes an opportunity for good, with its stage history; its history stays on the contact's timeline. */
    @Transactional
    public void delete(LocationId locationId, UUID opportunityId, Actor actor) {
        OpportunityEntity opportunity = entity(locationId, opportunityId).orElseThrow(() -> notFound(opportunityId));
        history.record(locationId, History.Subject.OPPORTUNITY, opportunity.id, opportunity.contactId, actor,
                List.of(new History.FieldChange("deleted", Json.createValue(opportunity.name), null)));
        em.remove(opportunity);
        em.flush();
    }

    /** The stages an opportunity entered, oldest first. */
    public Page<OpportunityStageChange> stageHistory(LocationId locationId, UUID opportunityId, int limit, String cursor) {
        entity(locationId, opportunityId).orElseThrow(() -> notFound(opportunityId));
        Cursor after = Cursor.decode(cursor, "stageHistory", 2);
        List<Object> params = new ArrayList<>(List.of(locationId, opportunityId));
        StringBuilder sql = new StringBuilder("""
                SELECT c.id, c.from_stage_id, coalesce(c.from_stage_name, f.name), c.to_stage_id,
                       coalesce(c.to_stage_name, t.name), c.changed_at, c.changed_at::text
                FROM opportunity_stage_change c
                LEFT JOIN pipeline_stage f ON f.location_id = c.location_id AND f.id = c.from_stage_id
                LEFT JOIN pipeline_stage t ON t.location_id = c.location_id AND t.id = c.to_stage_id
                WHERE c.location_id = ? AND c.opportunity_id = ?""");
        if (after != null) {
            sql.append(" AND (c.changed_at, c.id) > (?::timestamptz, ?::uuid)");
            params.add(after.value(0));
            params.add(after.value(1));
        }
        sql.append(" ORDER BY c.changed_at, c.id LIMIT ?");
        params.add(limit + 1);
        record Row(OpportunityStageChange change, String at) {
        }
        List<Row> rows = db.query(sql.toString(), row -> new Row(new OpportunityStageChange(row.getObject(1, UUID.class),
                row.getObject(2, UUID.class), row.getString(3), row.getObject(4, UUID.class), row.getString(5),
                row.getObject(6, OffsetDateTime.class)), row.getString(7)), params.toArray());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Row last = rows.get(limit - 1);
            next = Cursor.encode("stageHistory", last.at(), last.change().id());
        }
        return new Page<>(rows.stream().map(Row::change).toList(), next);
    }

    /**
     * Moves every opportunity of stage {@code from} to stage {@code to} (of the same pipeline), each
     * move recorded like one through the API. For deleting a stage.
     *
     * @return how many moved
     */
    int moveAll(LocationId locationId, PipelineEntity pipeline, PipelineStageEntity from, PipelineStageEntity to, Actor actor) {
        List<OpportunityEntity> moving = em.createQuery("SELECT o FROM OpportunityEntity o WHERE o.locationId = :location"
                        + " AND o.pipelineStageId = :stage ORDER BY o.id", OpportunityEntity.class)
                .setParameter("location", locationId.value()).setParameter("stage", from.id).getResultList();
        if (moving.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = Timestamps.now();
        for (OpportunityEntity opportunity : moving) {
            opportunity.pipelineStageId = to.id;
            opportunity.updatedAt = now;
            opportunity.lastStageChangeAt = now;
        }
        em.flush();
        for (OpportunityEntity opportunity : moving) {
            stageChanged(locationId, opportunity, pipeline, from, to, now);
            history.record(locationId, History.Subject.OPPORTUNITY, opportunity.id, opportunity.contactId, actor,
                    List.of(new History.FieldChange("pipelineStageId", Json.createValue(from.id.toString()),
                            Json.createValue(to.id.toString()))));
        }
        return moving.size();
    }

    /** Opportunities by id, in the order of {@code ids}; for pages found by SQL. */
    List<Opportunity> views(LocationId locationId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, OpportunityEntity> byId = new HashMap<>();
        em.createQuery("SELECT o FROM OpportunityEntity o WHERE o.locationId = :location AND o.id IN :ids",
                        OpportunityEntity.class)
                .setParameter("location", locationId.value()).setParameter("ids", ids).getResultList()
                .forEach(opportunity -> byId.put(opportunity.id, opportunity));
        Map<String, String> keys = customFieldValues.keysById(locationId, FieldModel.OPPORTUNITY);
        return ids.stream().map(byId::get).filter(Objects::nonNull).map(opportunity -> view(opportunity, keys)).toList();
    }

    // --- reading a request

    /**
     * Reads and checks a whole representation: types, Bean Validation constraints, then what needs
     * the database (contact, pipeline, stage, assignee, custom fields).
     *
     * @param current the opportunity being changed, or null when creating
     * @param request the request as sent, to tell what it set explicitly
     * @param firstStage whether a missing stage means the pipeline's first
     */
    private Resolved resolve(LocationId locationId, JsonObject representation, OpportunityEntity current,
                             JsonObject givenCustom, JsonObject request, boolean firstStage, Violations violations) {
        JsonInput input = JsonInput.of(representation, violations);
        String name = Inputs.text(input, "name");
        UUID contactId = input.uuid("contactId");
        UUID pipelineId = input.uuid("pipelineId");
        UUID stageId = input.uuid("pipelineStageId");
        String status = Inputs.text(input, "status");
        BigDecimal value = input.decimal("monetaryValue");
        String currency = Inputs.text(input, "currency");
        UUID assignedTo = input.uuid("assignedTo");
        String source = Inputs.text(input, "source");
        String lostReason = Inputs.text(input, "lostReason");
        input.value("customFields");
        input.finish();
        if (status == null && current == null && !present(request, "status")) {
            status = OpportunityStatus.OPEN.apiName();
        }
        currency = currency == null ? DEFAULT_CURRENCY : currency.toUpperCase(Locale.ROOT);
        Inputs.validate(validation, new Opportunity(null, locationId.value(), name, contactId, pipelineId, stageId, status,
                value, currency, assignedTo, source, lostReason, null, null, null, null, null), violations);
        if (currency.matches("[A-Z]{3}") && !CURRENCIES.contains(currency)) {
            violations.field("currency", Texts.quote(currency) + " is not an ISO 4217 currency code such as USD or EUR");
        }
        OpportunityStatus parsedStatus = status == null ? null : OpportunityStatus.fromApi(status).orElse(null);
        if (lostReason != null && parsedStatus != null && parsedStatus != OpportunityStatus.LOST) {
            if (present(request, "lostReason")) {
                violations.field("lostReason", "only a lost opportunity has a lost reason; set status to lost with it");
            }
            lostReason = null;
        }
        if (contactId != null && (current == null || !contactId.equals(current.contactId))
                && db.queryOne("SELECT 1 FROM contact WHERE location_id = ? AND id = ? AND deleted_at IS NULL",
                row -> true, locationId, contactId).isEmpty()) {
            violations.field("contactId", "no contact " + contactId + " in this location");
        }
        PipelineEntity pipeline = pipelineId == null ? null : pipeline(locationId, pipelineId);
        if (pipelineId != null && pipeline == null) {
            violations.field("pipelineId", "no pipeline " + pipelineId + " in this location");
        }
        PipelineStageEntity stage = pipeline == null ? null : stage(locationId, pipeline, stageId, firstStage, violations);
        if (assignedTo != null && (current == null || !assignedTo.equals(current.assignedTo))
                && !locationUsers.available().contains(assignedTo)) {
            violations.field("assignedTo", "no user " + assignedTo + " with access to this location");
        }
        CustomFieldValues.Applied custom = customFieldValues.apply(locationId, FieldModel.OPPORTUNITY,
                current == null ? JsonValue.EMPTY_JSON_OBJECT : current.customFields, givenCustom, current == null,
                settings.of(locationId).country(), "/customFields", violations);
        return new Resolved(name, contactId, pipeline, stage, parsedStatus, value, currency, assignedTo, source,
                lostReason, custom);
    }

    /**
     * The stage the request names (or the pipeline's first), locked against deletion until the
     * transaction ends; null with a violation when it is not a stage of the pipeline.
     */
    private PipelineStageEntity stage(LocationId locationId, PipelineEntity pipeline, UUID stageId, boolean firstStage,
                                      Violations violations) {
        boolean reported = violations.errors().stream().anyMatch(error -> "/pipelineStageId".equals(error.pointer()));
        if (stageId == null && !firstStage) {
            if (!reported) {
                violations.field("pipelineStageId", "required: a stage of pipeline " + Texts.quote(pipeline.name));
            }
            return null;
        }
        Optional<UUID> locked = stageId == null
                ? db.queryOne("SELECT id FROM pipeline_stage WHERE location_id = ? AND pipeline_id = ? ORDER BY position, id"
                + " LIMIT 1 FOR SHARE", row -> row.getObject(1, UUID.class), locationId, pipeline.id)
                : db.queryOne("SELECT id FROM pipeline_stage WHERE location_id = ? AND id = ? FOR SHARE",
                row -> row.getObject(1, UUID.class), locationId, stageId);
        PipelineStageEntity stage = locked.map(id -> em.find(PipelineStageEntity.class, id)).orElse(null);
        if (stage == null) {
            violations.field("pipelineStageId", stageId == null ? "pipeline " + Texts.quote(pipeline.name) + " has no stage"
                    : "no stage " + stageId + " in this location");
            return null;
        }
        if (!stage.pipelineId.equals(pipeline.id)) {
            violations.field("pipelineStageId", "stage " + Texts.quote(stage.name) + " is not a stage of pipeline "
                    + Texts.quote(pipeline.name));
            return null;
        }
        return stage;
    }

    private static void apply(Resolved resolved, OpportunityEntity target) {
        target.name = resolved.name();
        target.contactId = resolved.contactId();
        target.pipelineId = resolved.pipeline().id;
        target.pipelineStageId = resolved.stage().id;
        target.status = resolved.status();
        // checked: at most two decimals, at most 10^13
        target.monetaryValue = resolved.monetaryValue() == null ? null : cents(resolved.monetaryValue());
        target.currency = resolved.currency();
        target.assignedTo = resolved.assignedTo();
        target.source = resolved.source();
        target.lostReason = resolved.lostReason();
        target.customFields = resolved.custom().stored();
    }

    /**
     * The request's {@code customFields}: an object of values by key, or, for JSON null in a patch,
     * every value cleared; null when absent.
     */
    private JsonObject customFieldsOf(JsonObject request, OpportunityEntity current, Violations violations) {
        JsonValue custom = request.get("customFields");
        if (custom == null) {
            return null;
        }
        if (custom.getValueType() == JsonValue.ValueType.OBJECT) {
            return custom.asJsonObject();
        }
        if (custom.getValueType() == JsonValue.ValueType.NULL) {
            if (current == null) {
                return null;
            }
            JsonObjectBuilder clearAll = Json.createObjectBuilder();
            customFieldValues.forApi(LocationId.of(current.locationId), FieldModel.OPPORTUNITY, current.customFields)
                    .keySet().forEach(clearAll::addNull);
            return clearAll.build();
        }
        violations.field("customFields", "customFields must be an object of values by field key");
        return null;
    }

    private static void refuseReadOnly(JsonObject body, Violations violations) {
        // the id and timestamps of a representation may be sent back unchanged; changing them is refused
        for (String member : READ_ONLY) {
            if (!member.equals("id") && present(body, member)) {
                violations.field(member, member + " is set by the platform and cannot be written");
            }
        }
    }

    private static JsonObject withoutReadOnly(JsonObject body) {
        JsonObjectBuilder copy = Json.createObjectBuilder(body);
        READ_ONLY.forEach(copy::remove);
        return copy.build();
    }

    private static JsonObject withoutCustomFields(JsonObject object) {
        return Json.createObjectBuilder(object).remove("customFields").build();
    }

    private static boolean present(JsonObject body, String member) {
        return body.containsKey(member) && body.get(member).getValueType() != JsonValue.ValueType.NULL;
    }

    // --- what a change records

    private void recordStageChange(LocationId locationId, OpportunityEntity opportunity, PipelineStageEntity from,
                                   PipelineStageEntity to, OffsetDateTime at) {
        db.update("""
                INSERT INTO opportunity_stage_change (id, location_id, opportunity_id, from_stage_id, from_stage_name,
                                                      to_stage_id, to_stage_name, changed_at)
                VALUES (?, ?, ?, ?::uuid, ?, ?, ?, ?)""", UUID.randomUUID(), locationId, opportunity.id,
                from == null ? null : from.id.toString(), from == null ? null : from.name, to.id, to.name, at);
    }

    /** Records the stage change and appends its event. */
    private void stageChanged(LocationId locationId, OpportunityEntity opportunity, PipelineEntity pipeline,
                              PipelineStageEntity from, PipelineStageEntity to, OffsetDateTime at) {
        recordStageChange(locationId, opportunity, from, to, at);
        JsonObjectBuilder event = payload(opportunity, pipeline);
        if (from != null) {
            event.add("fromStageId", from.id.toString()).add("fromStageName", from.name);
        }
        outbox.append(locationId, EventCatalog.OPPORTUNITY_STAGE_CHANGED, event.add("toStageId", to.id.toString())
                .add("toStageName", to.name).build());
    }

    private static JsonObjectBuilder payload(OpportunityEntity opportunity, PipelineEntity pipeline) {
        return Json.createObjectBuilder().add("contactId", opportunity.contactId.toString())
                .add("opportunityId", opportunity.id.toString()).add("pipelineId", pipeline.id.toString())
                .add("pipelineName", pipeline.name);
    }

    /** The standard fields, as a merge patch applies to them and history compares them (no value: absent). */
    private static JsonObject standardFields(OpportunityEntity o) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        putIfSet(json, "name", o.name);
        putIfSet(json, "contactId", o.contactId);
        putIfSet(json, "pipelineId", o.pipelineId);
        putIfSet(json, "pipelineStageId", o.pipelineStageId);
        putIfSet(json, "status", o.status == null ? null : o.status.apiName());
        if (o.monetaryValue != null) {
            json.add("monetaryValue", cents(o.monetaryValue));
        }
        putIfSet(json, "currency", o.currency);
        putIfSet(json, "assignedTo", o.assignedTo);
        putIfSet(json, "source", o.source);
        putIfSet(json, "lostReason", o.lostReason);
        return json.build();
    }

    private static void putIfSet(JsonObjectBuilder json, String name, Object value) {
        if (value != null) {
            json.add(name, value.toString());
        }
    }

    /** One change per field that differs (absent = null). */
    private static List<History.FieldChange> diff(JsonObject before, JsonObject after) {
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<History.FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                changes.add(new History.FieldChange(field, before.get(field), after.get(field)));
            }
        }
        return changes;
    }

    /** An amount with two decimals, as the database keeps it. */
    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    // --- rows and views

    private Optional<OpportunityEntity> entity(LocationId locationId, UUID opportunityId) {
        OpportunityEntity opportunity = em.find(OpportunityEntity.class, opportunityId);
        return opportunity == null || !opportunity.locationId.equals(locationId.value()) ? Optional.empty()
                : Optional.of(opportunity);
    }

    private PipelineEntity pipeline(LocationId locationId, UUID pipelineId) {
        PipelineEntity pipeline = em.find(PipelineEntity.class, pipelineId);
        return pipeline == null || !pipeline.locationId.equals(locationId.value()) ? null : pipeline;
    }

    private Opportunity view(LocationId locationId, OpportunityEntity opportunity) {
        return view(opportunity, customFieldValues.keysById(locationId, FieldModel.OPPORTUNITY));
    }

    private static Opportunity view(OpportunityEntity o, Map<String, String> keysById) {
        JsonObjectBuilder custom = Json.createObjectBuilder();
        o.customFields.forEach((id, value) -> {
            String key = keysById.get(id);
            if (key != null) {
                custom.add(key, value);
            }
        });
        return new Opportunity(o.id, o.locationId, o.name, o.contactId, o.pipelineId, o.pipelineStageId,
                o.status.apiName(), o.monetaryValue == null ? null : cents(o.monetaryValue), o.currency, o.assignedTo, o.source, o.lostReason, custom.build(),
                o.createdAt, o.updatedAt, o.lastStatusChangeAt, o.lastStageChangeAt);
    }

    private static ProblemException notFound(UUID opportunityId) {
        return ProblemException.notFound("opportunity " + opportunityId);
    }
}
