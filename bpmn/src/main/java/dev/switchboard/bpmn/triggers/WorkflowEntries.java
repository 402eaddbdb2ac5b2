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

    /** Records the policy of a workflow's newest version. Call inside the deploy transaction. */
    public void register(LocationId locationId, String processKey, ReentryPolicy policy) {
        db.update("""
                INSERT INTO workflow_setting (location_id, process_key, reentry) VALUES (?, ?, ?)
                ON CONFLICT (location_id, process_key) DO UPDATE SET reentry = excluded.reentry, updated_at = now()""",
                locationId, processKey, policy.text());
    }

    public ReentryPolicy policy(LocationId locationId, String processKey) {
        return db.queryOne("SELECT reentry FROM workflow_setting WHERE location_id = ? AND process_key = ?",
                        row -> ReentryPolicy.parse(row.getString(1)).orElse(ReentryPolicy.ALWAYS), locationId, processKey)
                .orElse(ReentryPolicy.ALWAYS);
    }

    /**
     * Why the contact may not enter the workflow now, if it may not. Takes a lock on the contact's
     * entries into the workflow that the caller's transaction holds until it ends: call it in the
     * transaction that starts the run.
     */
    public Optional<Refusal> refusal(LocationId locationId, String processKey, String contactId) {
        if (contactId == null) {
            return Optional.empty();
        }
        db.queryOne("SELECT pg_advisory_xact_lock(hashtextextended(? || '/' || ? || '/' || ?, 0))", row -> true,
                locationId.toString(), processKey, contactId);
        ReentryPolicy policy = policy(locationId, processKey);
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
