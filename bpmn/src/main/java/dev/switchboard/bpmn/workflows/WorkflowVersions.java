package dev.switchboard.bpmn.workflows;

import dev.switchboard.bpmn.runs.WorkflowRuns;
import dev.switchboard.bpmn.triggers.WorkflowEntries;
import dev.switchboard.bpmn.triggers.DateTrigger;
import dev.switchboard.bpmn.triggers.DateTriggers;
import dev.switchboard.bpmn.triggers.WorkflowTrigger;
import dev.switchboard.bpmn.triggers.WorkflowTriggers;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.flowable.bpmn.model.Process;
import org.flowable.engine.migration.ProcessInstanceMigrationValidationResult;
import org.flowable.engine.repository.ProcessDefinition;

/**
 * A workflow's life besides its runs: a draft saved without publishing (any BPMN 2.0 document, with what
 * publishing it would refuse), its published versions with who published them and when, an old version
 * opened or published again, the workflow turned off, on, or deleted, and its running runs moved from
 * one version to another (the engine's process instance migration, validated first).
 */
@ApplicationScoped
public class WorkflowVersions {

    /** A workflow's key: what a process id may be (an XML NCName, kept simple). */
    static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,254}");
    /** Most drafts one location keeps. */
    public static final int MAX_DRAFTS = 1000;
    /** Most runs one migration moves. */
    public static final int MAX_MIGRATED = 10_000;

    /** How a version came to be. */
    public enum Source { UPLOAD, DRAFT, ROLLBACK }

    @Inject
    Database db;

    @Inject
    Workflows workflows;

    @Inject
    WorkflowEntries entries;

    @Inject
    WorkflowTriggers triggers;

    @Inject
    DateTriggers dateTriggers;

    @Inject
    WorkflowRuns runs;

    @Inject
    dev.switchboard.bpmn.engine.WorkflowEngine engine;

    /**
     * A saved draft, with the errors publishing it would answer now (empty: it would publish; null in
     * lists, which do not check every draft again).
     */
    public record Draft(String key, OffsetDateTime savedAt, String savedBy, boolean published, List<FieldError> problems) {
    }

    /** A published version. {@code publishedBy} is null for versions published before it was recorded. */
    public record Version(int version, String processDefinitionId, String name, OffsetDateTime publishedAt,
                          String publishedBy, String source, boolean latest, long runningRuns) {
    }

    /**
     * What a migration of running runs from one version to another found, or did.
     *
     * @param problems the engine's reasons it cannot move them (an activity that has no counterpart, …)
     */
    public record MigrationReport(int fromVersion, int toVersion, long runs, boolean valid, List<String> problems,
                                  boolean migrated) {
    }

    /** Saves the workflow's draft (there is one per workflow); any BPMN 2.0 document that can be read is kept. */
    @Transactional
    public Draft saveDraft(LocationId locationId, String key, String xml, String by) {
        requireKey(key);
        if (draftXml(locationId, key).isEmpty() && db.queryOne("SELECT count(*) FROM workflow_draft WHERE location_id = ?",
                row -> row.getInt(1), locationId).orElse(0) >= MAX_DRAFTS) {
            throw ProblemException.conflict("the location has " + MAX_DRAFTS + " drafts, the most it keeps: publish or discard some");
        }
        List<FieldError> problems = BpmnDocument.draftProblems(key, xml, workflows.validator(), workflows.rules(locationId));
        OffsetDateTime savedAt = db.queryOne("""
                INSERT INTO workflow_draft (location_id, process_key, xml, saved_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (location_id, process_key) DO UPDATE SET xml = excluded.xml, saved_by = excluded.saved_by,
                    saved_at = now()
                RETURNING saved_at""", row -> row.getObject(1, OffsetDateTime.class), locationId, key, xml, by).orElseThrow();
        return new Draft(key, savedAt, by, workflows.find(locationId, key).isPresent(), problems);
    }

    /** The draft's XML. */
    public Optional<String> draftXml(LocationId locationId, String key) {
        return db.queryOne("SELECT xml FROM workflow_draft WHERE location_id = ? AND process_key = ?",
                row -> row.getString(1), locationId, key);
    }

    /** Every draft of the location, without its problems (a save answers them, and publishing checks again). */
    public List<Draft> drafts(LocationId locationId) {
        record Row(String key, OffsetDateTime savedAt, String savedBy) { }
        return db.query("SELECT process_key, saved_at, saved_by FROM workflow_draft WHERE location_id = ? ORDER BY process_key",
                        row -> new Row(row.getString(1), row.getObject(2, OffsetDateTime.class), row.getString(3)), locationId)
                .stream()
                .map(row -> new Draft(row.key(), row.savedAt(), row.savedBy(), workflows.find(locationId, row.key()).isPresent(),
                        null))
                .toList();
    }

    @Transactional
    public void discardDraft(LocationId locationId, String key) {
        if (db.update("DELETE FROM workflow_draft WHERE location_id = ? AND process_key = ?", locationId, key) == 0) {
            throw ProblemException.notFound("draft of workflow " + key);
        }
    }

    /** Publishes the draft as the next version (checked as an upload is) and discards it. */
    @Transactional
    public WorkflowSummary publishDraft(LocationId locationId, String key, String by) {
        String xml = draftXml(locationId, key).orElseThrow(() -> ProblemException.notFound("draft of workflow " + key));
        List<FieldError> problems = BpmnDocument.draftProblems(key, xml, workflows.validator(), workflows.rules(locationId));
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(dev.switchboard.core.problems.ProblemType.INVALID_BPMN, problems);
        }
        WorkflowSummary published = workflows.publish(locationId, xml, by, Source.DRAFT);
        db.update("DELETE FROM workflow_draft WHERE location_id = ? AND process_key = ?", locationId, key);
        return published;
    }

    /** Publishes an earlier version's document again, as the newest version: a rollback. */
    @Transactional
    public WorkflowSummary republish(LocationId locationId, String key, int version, String by) {
        return workflows.publish(locationId, bpmn(locationId, key, version), by, Source.ROLLBACK);
    }

    /** Part of the publishing transaction: who published the version, and how. */
    void recordPublished(LocationId locationId, ProcessDefinition definition, String by, Source source) {
        db.update("""
                INSERT INTO workflow_version (location_id, process_key, version, process_definition_id, published_by, source)
                VALUES (?, ?, ?, ?, ?, ?)""", locationId, definition.getKey(), definition.getVersion(), definition.getId(), by,
                source.name().toLowerCase(Locale.ROOT));
    }

    /** Every published version, newest first, with the runs still running on each. */
    public List<Version> versions(LocationId locationId, String key) {
        existing(locationId, key);
        record Published(String by, OffsetDateTime at, String source) { }
        Map<Integer, Published> recorded = db.query("""
                        SELECT version, published_by, published_at, source FROM workflow_version
                        WHERE location_id = ? AND process_key = ?""",
                        row -> Map.entry(row.getInt(1), new Published(row.getString(2), row.getObject(3, OffsetDateTime.class),
                                row.getString(4))), locationId, key)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<Integer, Long> running = db.query("""
                        SELECT workflow_version, count(*) FROM workflow_run
                        WHERE location_id = ? AND workflow_key = ? AND state IN ('RUNNING', 'FAILED') GROUP BY workflow_version""",
                        row -> Map.entry(row.getInt(1), row.getLong(2)), locationId, key)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<ProcessDefinition> definitions = definitions(locationId, key);
        int latest = definitions.isEmpty() ? 0 : definitions.get(0).getVersion();
        List<Version> versions = new ArrayList<>();
        for (ProcessDefinition definition : definitions) {
            Published published = recorded.get(definition.getVersion());
            versions.add(new Version(definition.getVersion(), definition.getId(), definition.getName(),
                    published != null ? published.at() : Workflows.time(workflows.deploymentTime(definition)),
                    published == null ? null : published.by(), published == null ? "upload" : published.source(),
                    definition.getVersion() == latest, running.getOrDefault(definition.getVersion(), 0L)));
        }
        return versions;
    }

    /** The BPMN XML of one version. */
    public String bpmn(LocationId locationId, String key, int version) {
        existing(locationId, key);
        ProcessDefinition definition = Optional.ofNullable(engine.repository().createProcessDefinitionQuery()
                        .processDefinitionTenantId(locationId.toString()).processDefinitionKey(key)
                        .processDefinitionVersion(version).singleResult())
                .orElseThrow(() -> ProblemException.notFound("version " + version + " of workflow " + key));
        try (InputStream in = engine.repository().getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Turns the workflow on (its newest version's trigger starts runs again) or off (no new runs). */
    @Transactional
    public WorkflowSummary setEnabled(LocationId locationId, String key, boolean enabled) {
        ProcessDefinition latest = existing(locationId, key);
        entries.setEnabled(locationId, key, enabled);
        schedule(latest, enabled);
        Optional<WorkflowTrigger> trigger = Optional.empty();
        Optional<DateTrigger> dateTrigger = Optional.empty();
        if (enabled) {
            Process process = engine.repository().getBpmnModel(latest.getId()).getProcessById(key);
            trigger = process == null ? Optional.empty() : WorkflowTrigger.of(process);
            dateTrigger = process == null ? Optional.empty() : DateTrigger.of(process);
        }
        triggers.register(locationId, key, trigger);
        dateTriggers.register(locationId, key, dateTrigger);
        return workflows.find(locationId, key).orElseThrow();
    }

    /**
     * Deletes the workflow: no longer listed, started or triggered; its runs' records stay. Running runs
     * are cancelled when {@code cancelRuns}; otherwise their presence refuses the delete.
     */
    @Transactional
    public void delete(LocationId locationId, String key, boolean cancelRuns, String by) {
        existing(locationId, key);
        List<String> running = db.query("""
                SELECT id FROM workflow_run WHERE location_id = ? AND workflow_key = ? AND state IN ('RUNNING', 'FAILED')
                      AND id NOT LIKE 'failed-start-%' LIMIT ?""", row -> row.getString(1), locationId, key, MAX_MIGRATED + 1);
        if (!running.isEmpty() && !cancelRuns) {
            throw ProblemException.conflict("workflow " + key + " has " + (running.size() > MAX_MIGRATED ? "more than "
                    + MAX_MIGRATED : running.size()) + " running or failed run(s): cancel them first, or delete with"
                    + " cancelRuns=true");
        }
        if (running.size() > MAX_MIGRATED) {
            throw ProblemException.conflict("workflow " + key + " has more than " + MAX_MIGRATED + " runs to cancel:"
                    + " cancel them with a bulk action first");
        }
        for (String runId : running) {
            engine.cancel(locationId, runId, "workflow " + key + " deleted by " + by);
        }
        entries.deleted(locationId, key);
        triggers.register(locationId, key, Optional.empty());
        dateTriggers.register(locationId, key, Optional.empty());
        schedule(workflows.latest(locationId, key).orElseThrow(), false);
        db.update("DELETE FROM workflow_draft WHERE location_id = ? AND process_key = ?", locationId, key);
    }

    /**
     * Moves the runs of one version that are still running (or failed, waiting for a retry) to another
     * version, or only validates the move ({@code dryRun}). The engine checks each run can be moved (its
     * current activities exist in the target); nothing is moved unless all can be.
     */
    @Transactional
    public MigrationReport migrate(LocationId locationId, String key, int fromVersion, Integer toVersion, boolean dryRun) {
        ProcessDefinition latest = existing(locationId, key);
        int target = toVersion == null ? latest.getVersion() : toVersion;
        if (target == fromVersion) {
            throw ProblemException.invalid(FieldError.field("toVersion", "the runs are on version " + fromVersion + " already"));
        }
        Map<Integer, ProcessDefinition> byVersion = definitions(locationId, key).stream()
                .collect(Collectors.toMap(ProcessDefinition::getVersion, Function.identity()));
        ProcessDefinition from = byVersion.get(fromVersion);
        ProcessDefinition to = byVersion.get(target);
        if (from == null) {
            throw ProblemException.invalid(FieldError.field("fromVersion", "workflow " + key + " has no version " + fromVersion));
        }
        if (to == null) {
            throw ProblemException.invalid(FieldError.field("toVersion", "workflow " + key + " has no version " + target));
        }
        long count = engine.runtime().createProcessInstanceQuery().processDefinitionId(from.getId())
                .processInstanceTenantId(locationId.toString()).count();
        if (count > MAX_MIGRATED) {
            throw ProblemException.conflict(count + " runs are on version " + fromVersion + "; one migration moves at most "
                    + MAX_MIGRATED);
        }
        var builder = engine.migration().createProcessInstanceMigrationBuilder()
                .migrateToProcessDefinition(to.getId()).withMigrateToProcessDefinitionTenantId(locationId.toString());
        ProcessInstanceMigrationValidationResult validation = builder.validateMigrationOfProcessInstances(from.getId());
        List<String> problems = validation.getValidationMessages();
        boolean valid = !validation.hasErrors();
        if (dryRun || !valid || count == 0) {
            return new MigrationReport(fromVersion, target, count, valid, problems, false);
        }
        builder.migrateProcessInstances(from.getId());
        db.update("""
                UPDATE workflow_run SET workflow_version = ? WHERE location_id = ? AND workflow_key = ? AND workflow_version = ?
                      AND state IN ('RUNNING', 'FAILED')""", target, locationId, key, fromVersion);
        return new MigrationReport(fromVersion, target, count, true, problems, true);
    }

    /**
     * Lets the version's schedule (a timer start event) fire, or stops it: an engine's suspended
     * definition keeps its timer start jobs suspended. Its running runs are not touched.
     */
    void schedule(ProcessDefinition definition, boolean on) {
        boolean suspended = engine.repository().isProcessDefinitionSuspended(definition.getId());
        if (on && suspended) {
            engine.repository().activateProcessDefinitionById(definition.getId(), false, null);
        } else if (!on && !suspended) {
            engine.repository().suspendProcessDefinitionById(definition.getId(), false, null);
        }
    }

    private List<ProcessDefinition> definitions(LocationId locationId, String key) {
        return engine.repository().createProcessDefinitionQuery().processDefinitionTenantId(locationId.toString())
                .processDefinitionKey(key).orderByProcessDefinitionVersion().desc().list();
    }

    /** The newest version of a workflow that exists (published, not deleted), or 404. */
    private ProcessDefinition existing(LocationId locationId, String key) {
        if (entries.setting(locationId, key).deleted()) {
            throw ProblemException.notFound("workflow " + key);
        }
        return workflows.latest(locationId, key).orElseThrow(() -> ProblemException.notFound("workflow " + key));
    }

    private static void requireKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw ProblemException.invalid(FieldError.parameter("key", "a workflow's key is its process id: a letter or _"
                    + " first, then letters, digits, _ . or -, at most 255 characters"));
        }
    }
}
