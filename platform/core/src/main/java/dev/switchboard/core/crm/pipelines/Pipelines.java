package dev.switchboard.core.crm.pipelines;

import dev.switchboard.core.crm.Actor;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.EntityMappings;
import dev.switchboard.core.db.Timestamps;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.InputValidation;
import dev.switchboard.core.problems.JsonInput;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The pipelines of a location and their stages: create, rename, delete (refused while opportunities
 * are in it), add, rename, reorder and delete stages (moving a deleted stage's opportunities to another
 * stage of the pipeline). Names are unique ignoring case: pipelines within the location, stages within
 * their pipeline. Every change to a pipeline or its stages locks the pipeline's row first; deleting a
 * stage or a pipeline then locks the stages, which an opportunity being written into one holds until it
 * commits, so nothing is deleted under a new opportunity.
 */
@ApplicationScoped
public class Pipelines {

    /** Longest pipeline or stage name. */
    public static final int MAX_NAME = 100;
    /** Most stages of one pipeline. */
    public static final int MAX_STAGES = 50;
    /** Most pipelines of one location. */
    public static final int MAX_PIPELINES = 100;

    @PersistenceContext(unitName = EntityMappings.UNIT)
    EntityManager em;

    @Inject
    Database db;

    @Inject
    InputValidation validation;

    @Inject
    Opportunities opportunities;

    /** Every pipeline of the location, oldest first, each with its stages in board order. */
    public List<Pipeline> list(LocationId locationId) {
        List<PipelineEntity> pipelines = em.createQuery("SELECT p FROM PipelineEntity p WHERE p.locationId = :location"
                        + " ORDER BY p.createdAt, p.id", PipelineEntity.class)
                .setParameter("location", locationId.value()).getResultList();
        Map<UUID, List<PipelineStage>> stages = new LinkedHashMap<>();
        em.createQuery("SELECT s FROM PipelineStageEntity s WHERE s.locationId = :location ORDER BY s.position, s.id",
                        PipelineStageEntity.class)
                .setParameter("location", locationId.value()).getResultList()
                .forEach(stage -> stages.computeIfAbsent(stage.pipelineId, id -> new ArrayList<>()).add(stage.view()));
        return pipelines.stream().map(p -> view(p, stages.getOrDefault(p.id, List.of()))).toList();
    }

    public Optional<Pipeline> find(LocationId locationId, UUID pipelineId) {
        return entity(locationId, pipelineId).map(this::view);
    }

    @Transactional
    public Pipeline create(LocationId locationId, JsonObject body) {
        Violations violations = new Violations();
        JsonInput input = JsonInput.of(body, violations);
        String name = Inputs.text(input, "name");
        List<NewPipeline.NewPipelineStage> stages = null;
        JsonValue given = input.value("stages");
        if (given != null && given.getValueType() != JsonValue.ValueType.ARRAY) {
            violations.field("stages", "stages must be an array of {\"name\": …}");
        } else if (given != null) {
            stages = new ArrayList<>();
            List<JsonValue> elements = given.asJsonArray();
            for (int i = 0; i < elements.size(); i++) {
                String at = "/stages/" + i;
                if (elements.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                    violations.at(at, "a stage must be an object: {\"name\": …}");
                    continue;
                }
                JsonInput stage = new JsonInput(elements.get(i).asJsonObject(), at, violations);
                stages.add(new NewPipeline.NewPipelineStage(Inputs.text(stage, "name")));
                stage.finish();
            }
        }
        input.finish();
        NewPipeline request = new NewPipeline(name, stages);
        Inputs.validate(validation, request, violations);
        if (stages != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < stages.size(); i++) {
                String stageName = stages.get(i).name();
                if (stageName != null && !seen.add(stageName.toLowerCase(Locale.ROOT))) {
                    violations.at("/stages/" + i + "/name", Texts.quote(stageName) + " is listed twice: a pipeline's"
                            + " stages have different names");
                }
            }
        }
        violations.throwIfAny();
        lockLocationPipelines(locationId);
        long count = em.createQuery("SELECT count(p) FROM PipelineEntity p WHERE p.locationId = :location", Long.class)
                .setParameter("location", locationId.value()).getSingleResult();
        if (count >= MAX_PIPELINES) {
            throw ProblemException.conflict("a location has at most " + MAX_PIPELINES + " pipelines");
        }
        OffsetDateTime now = Timestamps.now();
        PipelineEntity pipeline = new PipelineEntity(UUID.randomUUID(), locationId.value(), request.name(), now);
        requireUniqueName(locationId, pipeline);
        em.persist(pipeline);
        em.flush();
        for (int i = 0; i < request.stages().size(); i++) {
            em.persist(new PipelineStageEntity(UUID.randomUUID(), pipeline, request.stages().get(i).name(), i, now));
        }
        em.flush();
        return view(pipeline);
    }

    /** Renames a pipeline (its only member a request can change). */
    @Transactional
    public Pipeline rename(LocationId locationId, UUID pipelineId, JsonObject body) {
        PipelineEntity pipeline = locked(locationId, pipelineId);
        String name = readName(body);
        lockLocationPipelines(locationId);
        if (!name.equals(pipeline.name)) {
            pipeline.name = name;
            requireUniqueName(locationId, pipeline);
            pipeline.updatedAt = Timestamps.now();
            em.flush();
        }
        return view(pipeline);
    }

    /** Deletes a pipeline with its stages; refused while it holds opportunities. */
    @Transactional
    public void delete(LocationId locationId, UUID pipelineId) {
        PipelineEntity pipeline = locked(locationId, pipelineId);
        // an opportunity being written into one of the stages holds it: wait for it, then count it
        db.query("SELECT id FROM pipeline_stage WHERE location_id = ? AND pipeline_id = ? FOR UPDATE", row -> true,
                locationId, pipelineId);
        long held = db.queryOne("SELECT count(*) FROM opportunity WHERE location_id = ? AND pipeline_id = ?",
                row -> row.getLong(1), locationId, pipelineId).orElse(0L);
        if (held > 0) {
            throw ProblemException.conflict("pipeline " + Texts.quote(pipeline.name) + " has " + held
                    + " opportunit" + (held == 1 ? "y" : "ies") + "; move or delete them before deleting the pipeline");
        }
        stages(locationId, pipelineId).forEach(em::remove);
        em.flush();
        em.remove(pipeline);
        em.flush();
    }

    /** Adds a stage at {@code position} (at the end when absent); the stages from there on move right. */
    @Transactional
    public Pipeline addStage(LocationId locationId, UUID pipelineId, JsonObject body) {
        PipelineEntity pipeline = locked(locationId, pipelineId);
        Violations violations = new Violations();
        JsonInput input = JsonInput.of(body, violations);
        NewStage request = new NewStage(Inputs.text(input, "name"), input.integer("position"));
        input.finish();
        Inputs.validate(validation, request, violations);
        violations.throwIfAny();
        List<PipelineStageEntity> stages = new ArrayList<>(stages(locationId, pipelineId));
        if (stages.size() >= MAX_STAGES) {
            throw ProblemException.conflict("a pipeline has at most " + MAX_STAGES + " stages");
        }
        int position = request.position() == null ? stages.size() : request.position();
        if (position > stages.size()) {
            throw ProblemException.invalid(FieldError.field("position", "position must be from 0 to " + stages.size()
                    + " (the number of stages)"));
        }
        requireUniqueStageName(stages, request.name(), null);
        PipelineStageEntity stage = new PipelineStageEntity(UUID.randomUUID(), pipeline, request.name(), position,
                Timestamps.now());
        stages.add(position, stage);
        renumber(stages);
        em.persist(stage);
        touch(pipeline);
        return view(pipeline);
    }

    @Transactional
    public Pipeline renameStage(LocationId locationId, UUID pipelineId, UUID stageId, JsonObject body) {
        PipelineEntity pipeline = locked(locationId, pipelineId);
        List<PipelineStageEntity> stages = stages(locationId, pipelineId);
        PipelineStageEntity stage = stageOf(stages, stageId);
        String name = readName(body);
        if (!name.equals(stage.name)) {
            requireUniqueStageName(stages, name, stageId);
            stage.name = name;
            touch(pipeline);
        }
        return view(pipeline);
    }

    /** Puts the stages in the order given: every stage of the pipeline, each once. */
    @Transactional
    public Pipeline reorder(LocationId locationId, UUID pipelineId, JsonObject body) {
        PipelineEntity pipeline = locked(locationId, pipelineId);
        List<PipelineStageEntity> stages = stages(locationId, pipelineId);
        Violations violations = new Violations();
        JsonInput input = JsonInput.of(body, violations);
        List<String> given = input.strings("stageIds", MAX_STAGES);
        input.finish();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; given != null && i < given.size(); i++) {
            try {
                ids.add(UUID.fromString(given.get(i).trim()));
            } catch (IllegalArgumentException e) {
                violations.at("/stageIds/" + i, Texts.quote(given.get(i)) + " is not a stage id");
            }
        }
        Inputs.validate(validation, new StageOrder(given == null ? null : ids), violations);
        violations.throwIfAny();
        Map<UUID, PipelineStageEntity> byId = new LinkedHashMap<>();
        stages.forEach(stage -> byId.put(stage.id, stage));
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!byId.containsKey(ids.get(i))) {
                violations.at("/stageIds/" + i, "no stage " + ids.get(i) + " in this pipeline");
            } else if (!seen.add(ids.get(i))) {
                violations.at("/stageIds/" + i, "stage " + ids.get(i) + " is listed twice");
            }
        }
        if (violations.isEmpty() && seen.size() != stages.size()) {
            violations.field("stageIds", "list every stage of the pipeline once: " + stages.size() + " stages, "
                    + seen.size() + " listed");
        }
        violations.throwIfAny();
        List<PipelineStageEntity> ordered = ids.stream().map(byId::get).toList();
        if (!ordered.equals(stages)) {
            renumber(ordered);
            touch(pipeline);
        }
        return view(pipeline);
    }

    /**
     * Deletes a stage. Its opportunities move to stage {@code moveTo} of the same pipeline, each move
     * recorded like any other (stage history, history, {@code opportunity.stage_changed}); without
     * opportunities no target is needed. A pipeline keeps at least one stage.
     *
     * @param moveTo the target stage's id as the request gave it, or null
     * @return how many opportunities moved
     */
    @Transactional
    public int deleteStage(LocationId locationId, UUID pipelineId, UUID stageId, String moveTo, Actor actor) {
        PipelineEntity pipeline = locked(locationId, pipelineId);
        List<PipelineStageEntity> stages = new ArrayList<>(stages(locationId, pipelineId));
        PipelineStageEntity stage = stageOf(stages, stageId);
        if (stages.size() == 1) {
            throw ProblemException.conflict("stage " + Texts.quote(stage.name) + " is the last stage of pipeline "
                    + Texts.quote(pipeline.name) + ", which cannot be without stages; delete the pipeline instead");
        }
        // an opportunity being written into the stage holds it: wait for it, then count it
        db.query("SELECT id FROM pipeline_stage WHERE location_id = ? AND id = ? FOR UPDATE", row -> true, locationId, stageId);
        long held = db.queryOne("SELECT count(*) FROM opportunity WHERE location_id = ? AND pipeline_stage_id = ?",
                row -> row.getLong(1), locationId, stageId).orElse(0L);
        PipelineStageEntity target = null;
        if (moveTo != null && !moveTo.isBlank()) {
            target = targetStage(stages, stage, moveTo);
        } else if (held > 0) {
            throw ProblemException.invalid(FieldError.parameter("moveTo", "stage " + Texts.quote(stage.name) + " has "
                    + held + " opportunit" + (held == 1 ? "y" : "ies") + "; name the stage of this pipeline to move "
                    + (held == 1 ? "it" : "them") + " to with moveTo"));
        }
        int moved = target == null ? 0 : opportunities.moveAll(locationId, pipeline, stage, target, actor);
        stages.remove(stage);
        em.remove(stage);
        em.flush();
        renumber(stages);
        touch(pipeline);
        return moved;
    }

    // --- for opportunities and the board

    Optional<PipelineEntity> entity(LocationId locationId, UUID pipelineId) {
        PipelineEntity pipeline = em.find(PipelineEntity.class, pipelineId);
        return pipeline == null || !pipeline.locationId.equals(locationId.value()) ? Optional.empty() : Optional.of(pipeline);
    }

    /** A pipeline's stages in board order. */
    List<PipelineStageEntity> stages(LocationId locationId, UUID pipelineId) {
        return em.createQuery("SELECT s FROM PipelineStageEntity s WHERE s.locationId = :location"
                        + " AND s.pipelineId = :pipeline ORDER BY s.position, s.id", PipelineStageEntity.class)
                .setParameter("location", locationId.value()).setParameter("pipeline", pipelineId).getResultList();
    }

    Pipeline view(PipelineEntity pipeline) {
        return view(pipeline, stages(LocationId.of(pipeline.locationId), pipeline.id).stream()
                .map(PipelineStageEntity::view).toList());
    }

    // --- inside

    private static Pipeline view(PipelineEntity p, List<PipelineStage> stages) {
        return new Pipeline(p.id, p.locationId, p.name, stages, p.createdAt, p.updatedAt);
    }

    private PipelineEntity locked(LocationId locationId, UUID pipelineId) {
        // FOR NO KEY UPDATE, not FOR UPDATE: an opportunity being written into the pipeline holds a stage and,
        // through its foreign key, a KEY SHARE lock on the pipeline; waiting for it here would deadlock
        if (db.queryOne("SELECT 1 FROM pipeline WHERE location_id = ? AND id = ? FOR NO KEY UPDATE", row -> true,
                locationId, pipelineId).isEmpty()) {
            throw notFound(pipelineId);
        }
        return entity(locationId, pipelineId).orElseThrow(() -> notFound(pipelineId));
    }

    /** Serialises the checks of pipeline names and of the number of pipelines within a location. */
    private void lockLocationPipelines(LocationId locationId) {
        db.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", row -> true, "pipelines:" + locationId);
    }

    private String readName(JsonObject body) {
        Violations violations = new Violations();
        JsonInput input = JsonInput.of(body, violations);
        PipelineRename request = new PipelineRename(Inputs.text(input, "name"));
        input.finish();
        Inputs.validate(validation, request, violations);
        violations.throwIfAny();
        return request.name();
    }

    private void requireUniqueName(LocationId locationId, PipelineEntity pipeline) {
        if (db.queryOne("SELECT 1 FROM pipeline WHERE location_id = ? AND lower(name) = lower(?) AND id <> ?",
                row -> true, locationId, pipeline.name, pipeline.id).isPresent()) {
            throw ProblemException.conflict("the location already has a pipeline named " + Texts.quote(pipeline.name));
        }
    }

    private static void requireUniqueStageName(List<PipelineStageEntity> stages, String name, UUID except) {
        for (PipelineStageEntity other : stages) {
            if (!other.id.equals(except) && other.name.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                throw ProblemException.conflict("the pipeline already has a stage named " + Texts.quote(other.name));
            }
        }
    }

    private static PipelineStageEntity stageOf(List<PipelineStageEntity> stages, UUID stageId) {
        return stages.stream().filter(stage -> stage.id.equals(stageId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("stage " + stageId + " of this pipeline"));
    }

    private static PipelineStageEntity targetStage(List<PipelineStageEntity> stages, PipelineStageEntity deleted, String moveTo) {
        UUID targetId;
        try {
            targetId = UUID.fromString(moveTo.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(FieldError.parameter("moveTo", "moveTo must be the id of a stage of this"
                    + " pipeline, was " + Texts.quote(moveTo)));
        }
        if (targetId.equals(deleted.id)) {
            throw ProblemException.invalid(FieldError.parameter("moveTo", "moveTo names the stage being deleted;"
                    + " name another stage of this pipeline"));
        }
        return stages.stream().filter(stage -> stage.id.equals(targetId)).findFirst()
                .orElseThrow(() -> ProblemException.invalid(FieldError.parameter("moveTo", "no stage " + targetId
                        + " in this pipeline to move the opportunities to")));
    }

    private static void renumber(List<PipelineStageEntity> stages) {
        for (int i = 0; i < stages.size(); i++) {
            stages.get(i).position = i;
        }
    }

    private void touch(PipelineEntity pipeline) {
        pipeline.updatedAt = Timestamps.now();
        em.flush();
    }

    private static ProblemException notFound(UUID pipelineId) {
        return ProblemException.notFound("pipeline " + pipelineId);
    }
}
