package dev.switchboard.bpmn.triggers;

import dev.switchboard.bpmn.engine.WorkflowLimits;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Whether a contact may enter a workflow now: its re-entry policy ({@code workflow_setting}, kept at
 * deploy) and loop protection (at most {@link WorkflowLimits#maxEntriesPerContactPerHour()} entries an
 * hour). The decision and the start that follows are one transaction, serialized per contact and
 * workflow, so two events at the same moment cannot both enter a once-only workflow.
 */
@ApplicationScoped
public class WorkflowEntries {

    /** Why a contact does not enter. {@code loop}: a loop was stopped, which is reported as a failed start. */
    public record Refusal(String reason, boolean loop) {
    }

    @Inject
    Database db;

    @Inject
    WorkflowLimits limits;

    /** A workflow's settings: its re-entry policy, whether it is on, whether it was deleted. */
    public record Setting(ReentryPolicy reentry, boolean enabled, boolean deleted) {

        static final Setting DEFAULT = new Setting(ReentryPolicy.ALWAYS, true, false);
    }

    /**
     * Records the policy of a workflow's newest version, in the deploy transaction. A deleted workflow
     * published again is back, and on; one that was turned off stays off.
     *
     * @return whether the workflow is on (its trigger may start it)
     */
    public boolean register(LocationId locationId, String processKey, ReentryPolicy policy) {
        return db.queryOne("""
                INSERT INTO workflow_setting (location_id, process_key, reentry) VALUES (?, ?, ?)
                ON CONFLICT (location_id, process_key) DO UPDATE SET reentry = excluded.reentry, updated_at = now(),
                    enabled = workflow_setting.enabled OR workflow_setting.deleted_at IS NOT NULL, deleted_at = NULL
                RETURNING enabled""", row -> row.getBoolean(1), locationId, processKey, policy.text()).orElse(true);
    }

    public Setting setting(LocationId locationId, String processKey) {
        return db.queryOne("SELECT reentry, enabled, deleted_at IS NOT NULL FROM workflow_setting WHERE location_id = ? AND process_key = ?",
                        WorkflowEntries::setting, locationId, processKey)
                .orElse(Setting.DEFAULT);
    }

    /** The settings of every workflow of the location that has any, by key. */
    public java.util.Map<String, Setting> settings(LocationId locationId) {
        record Keyed(String key, Setting setting) { }
        return db.query("SELECT process_key, reentry, enabled, deleted_at IS NOT NULL FROM workflow_setting WHERE location_id = ?",
                        row -> new Keyed(row.getString(1), new Setting(ReentryPolicy.parse(row.getString(2))
                                .orElse(ReentryPolicy.ALWAYS), row.getBoolean(3), row.getBoolean(4))), locationId)
                .stream().collect(java.util.stream.Collectors.toMap(Keyed::key, Keyed::setting));
    }

    /** Turns a workflow on or off (no new runs while off). */
    public void setEnabled(LocationId locationId, String processKey, boolean enabled) {
        db.update("""
                INSERT INTO workflow_setting (location_id, process_key, enabled) VALUES (?, ?, ?)
                ON CONFLICT (location_id, process_key) DO UPDATE SET enabled = excluded.enabled, updated_at = now()""",
                locationId, processKey, enabled);
    }

    /** Marks a workflow deleted (and off): it is no longer listed; publishing it again brings it back. */
    public void deleted(LocationId locationId, String processKey) {
        db.update("""
                INSERT INTO workflow_setting (location_id, process_key, enabled, deleted_at) VALUES (?, ?, false, now())
                ON CONFLICT (location_id, process_key) DO UPDATE SET enabled = false, deleted_at = now(), updated_at = now()""",
                locationId, processKey);
    }

    private static Setting setting(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Setting(ReentryPolicy.parse(row.getString(1)).orElse(ReentryPolicy.ALWAYS), row.getBoolean(2), row.getBoolean(3));
    }

    /**
     * Why the contact may not enter the workflow now, if it may not. Takes a lock on the contact's
     * entries into the workflow that the caller's transaction holds until it ends: call it in the
     * transaction that starts the run.
     */
    public Optional<Refusal> refusal(LocationId locationId, String processKey, String contactId) {
        if (contactId != null) {
            db.queryOne("SELECT pg_advisory_xact_lock(hashtextextended(? || '/' || ? || '/' || ?, 0))", row -> true,
                    locationId.toString(), processKey, contactId);
        }
        // read under a share lock: turning the workflow off waits for this start, or this start sees it off
        Setting setting = db.queryOne("""
                        SELECT reentry, enabled, deleted_at IS NOT NULL FROM workflow_setting
                        WHERE location_id = ? AND process_key = ? FOR SHARE""",
                        WorkflowEntries::setting, locationId, processKey)
                .orElse(Setting.DEFAULT);
        if (setting.deleted() || !setting.enabled()) {
            return Optional.of(new Refusal("workflow " + processKey + " is " + (setting.deleted() ? "deleted" : "turned off"),
                    false));
        }
        if (contactId == null) {
            return Optional.empty();
        }
        ReentryPolicy policy = setting.reentry();
        if (policy.kind() != ReentryPolicy.Kind.ALWAYS) {
            Optional<OffsetDateTime> last = lastEntry(locationId, processKey, contactId);
            if (last.isPresent() && (policy.kind() == ReentryPolicy.Kind.ONCE
                    || last.get().isAfter(OffsetDateTime.now().minus(policy.within())))) {
                return Optional.of(new Refusal("the contact entered " + processKey + " at " + last.get() + " and its"
                        + " re-entry policy is " + (policy.kind() == ReentryPolicy.Kind.ONCE ? "once ever"
                        : "once per " + policy.within().toDays() + " day(s)"), false));
            }
        }
        int limit = limits.maxEntriesPerContactPerHour();
        int lastHour = db.queryOne("""
                SELECT count(*) FROM (SELECT 1 FROM workflow_run
                    WHERE location_id = ? AND contact_id = ? AND workflow_key = ? AND id NOT LIKE 'failed-start-%'
                          AND started_at > now() - interval '1 hour' LIMIT ?) r""",
                row -> row.getInt(1), locationId, contactId, processKey, limit).orElse(0);
        if (lastHour >= limit) {
            return Optional.of(new Refusal("loop protection: the contact entered " + processKey + " " + lastHour
                    + " times within the last hour, the limit (switchboard.workflows.max-entries-per-contact-per-hour);"
                    + " a workflow whose steps start it again loops", true));
        }
        return Optional.empty();
    }

    /** Whether a loop of this contact and workflow was reported within the last hour (one report an hour is enough). */
    public boolean loopReported(LocationId locationId, String processKey, String contactId) {
        return db.queryOne("""
                SELECT 1 FROM workflow_run
                WHERE location_id = ? AND contact_id = ? AND workflow_key = ? AND id LIKE 'failed-start-%'
                      AND error LIKE 'the run could not start: loop protection%' AND started_at > now() - interval '1 hour'
                LIMIT 1""", row -> true, locationId, contactId, processKey).isPresent();
    }

    private Optional<OffsetDateTime> lastEntry(LocationId locationId, String processKey, String contactId) {
        return db.queryOne("""
                SELECT started_at FROM workflow_run
                WHERE location_id = ? AND contact_id = ? AND workflow_key = ? AND id NOT LIKE 'failed-start-%'
                ORDER BY started_at DESC LIMIT 1""",
                row -> row.getObject(1, OffsetDateTime.class), locationId, contactId, processKey);
    }
}
