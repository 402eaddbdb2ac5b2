package dev.switchboard.core.plugins.imports;

import dev.switchboard.api.host.Contacts;
import dev.switchboard.api.host.LocationContext;
import dev.switchboard.api.imports.ImportContext;
import dev.switchboard.core.crm.Actor;
import dev.switchboard.core.crm.contacts.Contacts.ImportOutcome;
import dev.switchboard.core.crm.contacts.Contacts.OnDuplicate;
import dev.switchboard.core.jobs.JobRun;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.plugins.host.ForwardingLocationContext;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * What an importer sees of one run of one import: the location's host services, and the calls that
 * hand the host pages of rows. Each page commits in one transaction with the job's progress, the rows
 * rejected since the last page, and the checkpoint (the importer's own, with the counts of contacts
 * created, updated and skipped so far, so the result stays right across resumptions).
 */
final class ImportCall extends ForwardingLocationContext implements ImportContext {

    /** Longest reference of a row kept. */
    static final int MAX_REFERENCE = 200;
    /** Rejections one import may hold before its next page; more fail the import as a plugin bug. */
    static final int MAX_PENDING_REJECTIONS = 10_000;
    /** How often whether the plugin was replaced or turned off is read again. */
    private static final long REPLACED_CHECK_NANOS = 1_000_000_000L;

    private final JobRun run;
    private final dev.switchboard.core.crm.contacts.Contacts contacts;
    private final OnDuplicate onDuplicate;
    private final Actor actor;
    private final BooleanSupplier replaced;
    private final List<String[]> rejected = new ArrayList<>();
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean stoppedForReplacement;
    private volatile boolean toldToStop;
    private volatile long replacedCheckedAt = System.nanoTime() - REPLACED_CHECK_NANOS - 1;
    private volatile String checkpoint;
    private volatile long created;
    private volatile long updated;
    private volatile long skipped;

    ImportCall(LocationContext services, JobRun run, dev.switchboard.core.crm.contacts.Contacts contacts,
               OnDuplicate onDuplicate, Actor actor, BooleanSupplier replaced) {
        super(services);
        this.run = run;
        this.contacts = contacts;
        this.onDuplicate = onDuplicate;
        this.actor = actor;
        this.replaced = replaced;
        Optional<JsonObject> saved = run.checkpoint().filter(value -> value.getValueType() == JsonValue.ValueType.OBJECT)
                .map(JsonValue::asJsonObject);
        this.checkpoint = saved.filter(json -> json.containsKey("source") && !json.isNull("source"))
                .map(json -> json.getString("source")).orElse(null);
        this.created = saved.map(json -> json.getJsonNumber("created").longValue()).orElse(0L);
        this.updated = saved.map(json -> json.getJsonNumber("updated").longValue()).orElse(0L);
        this.skipped = saved.map(json -> json.getJsonNumber("skipped").longValue()).orElse(0L);
    }

    @Override
    public Optional<String> checkpoint() {
        return Optional.ofNullable(checkpoint);
    }

    @Override
    public void expect(long total) {
        touch();
        run.expect(total);
    }

    @Override
    public void accept(Map<String, ? extends Map<String, ?>> rows, String next) {
        touch();
        if (cancelled()) {
            throw new CancellationException("the import is cancelled or has to stop; nothing of this page was committed");
        }
        if (rows == null) {
            throw new IllegalArgumentException("accept needs the page's rows (an empty map for none)");
        }
        if (rows.size() > MAX_ROWS_PER_ACCEPT) {
            throw new IllegalArgumentException("accept takes at most " + MAX_ROWS_PER_ACCEPT + " rows, was given " + rows.size());
        }
        if (next == null || next.length() > MAX_CHECKPOINT_LENGTH) {
            throw new IllegalArgumentException("a checkpoint is text of at most " + MAX_CHECKPOINT_LENGTH + " characters");
        }
        String unstorable = Texts.unstorable(next);
        if (unstorable != null) {
            // replacing it would hand the importer back a checkpoint it never gave
            throw new IllegalArgumentException("the checkpoint " + unstorable);
        }
        commit(rows, next);
    }

    @Override
    public void reject(String reference, String reason) {
        touch();
        synchronized (rejected) {
            if (rejected.size() >= MAX_PENDING_REJECTIONS) {
                throw new IllegalStateException("more than " + MAX_PENDING_REJECTIONS + " rejections without a page: "
                        + "hand the host a page (accept) between them");
            }
            rejected.add(new String[] {reference(reference), reason == null || reason.isBlank() ? "rejected by the importer" : reason});
        }
    }

    @Override
    public boolean cancelled() {
        if (!stoppedForReplacement && System.nanoTime() - replacedCheckedAt > REPLACED_CHECK_NANOS) {
            replacedCheckedAt = System.nanoTime();
            stoppedForReplacement = replaced.getAsBoolean();
        }
        boolean stop = stoppedForReplacement || run.stopRequested();
        if (stop) {
            toldToStop = true;
        }
        return stop;
    }

    /** Whether the importer was told to stop (cancelled, the node stops, its plugin was replaced): it may have ended short. */
    boolean toldToStop() {
        return toldToStop;
    }

    /**
     * Records that the importer returned of its own accord, with the rejections not yet committed: a run
     * of the job after this one (the node stopped just then) finishes without calling the importer, whose
     * last checkpoint may well read as "from the start". When the importer was stopped, this is not called
     * and its pending rejections are dropped: its last page was not committed, and a resumed run reads
     * that page, and rejects its rows, again.
     */
    void complete() {
        commit(Map.of(), checkpoint, true);
    }

    /** The result of the import when an earlier run of it completed; empty when it has yet to. */
    static Optional<JsonObject> completedResult(JobRun run) {
        return run.checkpoint().filter(value -> value.getValueType() == JsonValue.ValueType.OBJECT)
                .map(JsonValue::asJsonObject).filter(json -> json.getBoolean("complete", false))
                .map(json -> Json.createObjectBuilder().add("created", json.getJsonNumber("created").longValue())
                        .add("updated", json.getJsonNumber("updated").longValue())
                        .add("skipped", json.getJsonNumber("skipped").longValue()).build());
    }

    /** How long the importer has handed the host nothing. */
    Duration idle() {
        return Duration.ofNanos(System.nanoTime() - lastActivity);
    }

    /** Whether it was told to stop because its plugin version was replaced or removed. */
    boolean stoppedForReplacement() {
        return stoppedForReplacement;
    }

    /** What the finished import reports. */
    JsonObject result() {
        return Json.createObjectBuilder().add("created", created).add("updated", updated).add("skipped", skipped).build();
    }

    private void commit(Map<String, ? extends Map<String, ?>> rows, String next) {
        commit(rows, next, false);
    }

    private void commit(Map<String, ? extends Map<String, ?>> rows, String next, boolean complete) {
        // the plugin's maps are read here, before the page's transaction opens: its code never runs inside it
        List<Map.Entry<String, Object>> bodies = new ArrayList<>(rows.size());
        for (Map.Entry<String, ? extends Map<String, ?>> row : rows.entrySet()) {
            String reference = reference(row.getKey());
            try {
                bodies.add(Map.entry(reference, ImportRows.body(row.getValue())));
            } catch (ProblemException refused) {
                bodies.add(Map.entry(reference, refused));
            }
        }
        List<String[]> pending;
        synchronized (rejected) {
            pending = List.copyOf(rejected);
            rejected.clear();
        }
        long[] counts = new long[3];
        run.commit(round -> {
            counts[0] = created;
            counts[1] = updated;
            counts[2] = skipped;
            for (String[] rejection : pending) {
                round.failed(rejection[0], rejection[1]);
            }
            for (Map.Entry<String, Object> row : bodies) {
                String reference = row.getKey();
                if (row.getValue() instanceof ProblemException refused) {
                    round.failed(reference, ImportRows.reason(refused));
                    continue;
                }
                try {
                    ImportOutcome outcome = contacts.importRow(run.locationId(), (JsonObject) row.getValue(), onDuplicate, actor);
                    counts[switch (outcome) {
                        case CREATED -> 0;
                        case UPDATED -> 1;
                        case SKIPPED -> 2;
                    }]++;
                    round.done(1);
                } catch (ProblemException refused) {
                    round.failed(reference, ImportRows.reason(refused));
                }
            }
            return Json.createObjectBuilder().add("source", next == null ? JsonValue.NULL : Json.createValue(next))
                    .add("created", counts[0]).add("updated", counts[1]).add("skipped", counts[2]).add("complete", complete)
                    .build();
        });
        created = counts[0];
        updated = counts[1];
        skipped = counts[2];
        checkpoint = next;
    }

    private static String reference(String reference) {
        if (reference == null || reference.isBlank()) {
            return "(no reference)";
        }
        return reference.length() <= MAX_REFERENCE ? reference : reference.substring(0, MAX_REFERENCE - 1) + "…";
    }

    private void touch() {
        lastActivity = System.nanoTime();
    }
}
