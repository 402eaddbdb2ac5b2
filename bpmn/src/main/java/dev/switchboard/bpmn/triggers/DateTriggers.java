package dev.switchboard.bpmn.triggers;

import dev.switchboard.bpmn.runs.WorkflowRuns;
import dev.switchboard.core.crm.fields.CustomField;
import dev.switchboard.core.crm.fields.CustomFields;
import dev.switchboard.core.crm.fields.FieldModel;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.ProblemType;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Date triggers ({@link DateTrigger}): each published workflow with one is kept in
 * {@code workflow_date_trigger}; a sweep, every {@code switchboard.workflows.date-trigger-sweep-seconds},
 * starts the workflow for every contact whose moment (its date moved by the offset, at the time of day
 * in its time zone) has come since the trigger became active, at most {@link #CATCH_UP} late (a platform
 * that was stopped catches up on its return). Each contact's date is fired once, whichever node sweeps
 * ({@code workflow_date_fire}), in a transaction of its own; the workflow's re-entry policy applies.
 */
@ApplicationScoped
public class DateTriggers {

    /** How late a date may still fire, after the platform was stopped. */
    static final Duration CATCH_UP = Duration.ofDays(2);
    /** Most contacts one trigger's sweep reads; the rest come in the next sweep. */
    static final int MAX_CANDIDATES = 100_000;
    /** How long fired dates are remembered. */
    static final int FIRES_KEPT_DAYS = 7;

    private static final Logger LOG = Logger.getLogger(DateTriggers.class.getName());

    /** A workflow's date trigger as kept. */
    public record Registered(LocationId locationId, String processKey, DateTrigger trigger, OffsetDateTime activeSince) {
    }

    /** A contact whose date has come. */
    public record Due(UUID contactId, LocalDate on) {
    }

    @Inject
    Database db;

    @Inject
    CustomFields customFields;

    @Inject
    WorkflowStarter starter;

    @Inject
    WorkflowRuns runs;

    @Inject
    DateTriggers self;

    Clock clock = Clock.systemUTC();

    /** Refuses a date trigger whose field is neither dateOfBirth nor a custom date field of the location's contacts. */
    public void check(LocationId locationId, String processKey, DateTrigger trigger) {
        if (DateTrigger.DATE_OF_BIRTH.equals(trigger.field())) {
            return;
        }
        List<CustomField> fields = customFields.list(locationId, FieldModel.CONTACT);
        boolean date = fields.stream().anyMatch(field -> field.key().equals(trigger.field()) && "date".equals(field.type()));
        if (!date) {
            TreeSet<String> dates = new TreeSet<>(List.of(DateTrigger.DATE_OF_BIRTH));
            fields.stream().filter(field -> "date".equals(field.type())).forEach(field -> dates.add(field.key()));
            throw ProblemException.invalid(ProblemType.INVALID_BPMN, List.of(FieldError.element(processKey,
                    "<sb:dateTrigger> field '" + trigger.field() + "' is not a date field of this location's contacts;"
                            + " the date fields are " + dates)));
        }
    }

    /** Records (or clears) the date trigger of a workflow's newest version. Call inside the deploy transaction. */
    public void register(LocationId locationId, String processKey, Optional<DateTrigger> trigger) {
        if (trigger.isEmpty()) {
            db.update("DELETE FROM workflow_date_trigger WHERE location_id = ? AND process_key = ?", locationId, processKey);
            return;
        }
        DateTrigger t = trigger.get();
        // a changed definition applies from now on: it never fires for moments that passed before it
        db.update("""
                INSERT INTO workflow_date_trigger (location_id, process_key, field, offset_days, at_time, yearly)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (location_id, process_key) DO UPDATE SET field = excluded.field,
                    offset_days = excluded.offset_days, at_time = excluded.at_time, yearly = excluded.yearly,
                    active_since = CASE WHEN (workflow_date_trigger.field, workflow_date_trigger.offset_days,
                            workflow_date_trigger.at_time, workflow_date_trigger.yearly)
                        IS DISTINCT FROM (excluded.field, excluded.offset_days, excluded.at_time, excluded.yearly)
                        THEN now() ELSE workflow_date_trigger.active_since END""",
                locationId, processKey, t.field(), t.offsetDays(), t.time(), t.yearly());
    }

    /** One sweep over every location's date triggers; answers how many runs it started. */
    public int sweep() {
        List<Registered> all;
        try (DatabaseScope scope = DatabaseScope.system("date triggers")) {
            all = db.query("SELECT location_id, process_key, field, offset_days, at_time, yearly, active_since"
                            + " FROM workflow_date_trigger",
                    row -> new Registered(new LocationId(row.getObject(1, UUID.class)), row.getString(2),
                            new DateTrigger(row.getString(3), row.getInt(4), row.getObject(5, LocalTime.class),
                                    row.getBoolean(6)), row.getObject(7, OffsetDateTime.class)));
        }
        int started = 0;
        for (Registered registered : all) {
            try (DatabaseScope scope = DatabaseScope.location(registered.locationId().value())) {
                started += sweep(registered);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The date trigger of workflow " + registered.processKey() + " in location "
                        + registered.locationId() + " could not be swept; the next sweep tries again", e);
            }
        }
        return started;
    }

    private int sweep(Registered registered) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int started = 0;
        for (Due due : self.due(registered, now)) {
            try {
                if (self.fire(registered, due)) {
                    started++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Date trigger of " + registered.processKey() + " could not start it for contact "
                        + due.contactId(), e);
                self.failed(registered, due, e);
            }
        }
        self.forgetOldFires(registered.locationId());
        return started;
    }

    /** The contacts whose moment came after the trigger became active and at most {@link #CATCH_UP} ago. */
    @Transactional
    public List<Due> due(Registered registered, OffsetDateTime now) {
        DateTrigger trigger = registered.trigger();
        OffsetDateTime from = registered.activeSince().isAfter(now.minus(CATCH_UP)) ? registered.activeSince() : now.minus(CATCH_UP);
        // the field's dates whose moment may lie in (from, now] in some time zone (UTC-12 to UTC+14)
        TreeSet<String> dates = new TreeSet<>();
        for (LocalDate local = from.toLocalDate().minusDays(1); !local.isAfter(now.toLocalDate().plusDays(1));
             local = local.plusDays(1)) {
            LocalDate field = local.minusDays(trigger.offsetDays());
            dates.add(trigger.yearly() ? field.toString().substring(5) : field.toString());
            if (trigger.yearly() && field.getMonthValue() == 2 && field.getDayOfMonth() == 28 && !field.isLeapYear()) {
                dates.add("02-29"); // a 29th of February falls on the 28th in other years
            }
        }
        boolean custom = !DateTrigger.DATE_OF_BIRTH.equals(trigger.field());
        // a contact keeps its custom values by the field's id
        Optional<String> fieldId = custom ? customFields.list(registered.locationId(), FieldModel.CONTACT).stream()
                .filter(field -> field.key().equals(trigger.field()) && "date".equals(field.type()))
                .map(field -> field.id().toString()).findFirst() : Optional.empty();
        if (custom && fieldId.isEmpty()) {
            LOG.warning(() -> "Workflow " + registered.processKey() + " of location " + registered.locationId()
                    + " is triggered by the date field '" + trigger.field() + "', which no longer exists");
            return List.of();
        }
        String value = custom ? "(c.custom_fields ->> ?)" : "to_char(c.date_of_birth, 'YYYY-MM-DD')";
        String compared = trigger.yearly() ? "substr(" + value + ", 6, 5)" : value;
        List<Object> params = new ArrayList<>();
        if (custom) {
            params.add(fieldId.get());
        }
        params.add(registered.locationId());
        if (custom) {
            params.add(fieldId.get());
        }
        params.add(String.join(",", dates));
        params.add(registered.processKey());
        params.add(from.toLocalDate().minusDays(1));
        params.add(MAX_CANDIDATES);
        record Candidate(UUID id, String date, String zone) { }
        List<Candidate> candidates = db.query("SELECT c.id, " + value + ", c.timezone FROM contact c"
                        + " WHERE c.location_id = ? AND c.deleted_at IS NULL"
                        + " AND " + compared + " = ANY (string_to_array(?, ','))"
                        + " AND NOT EXISTS (SELECT 1 FROM workflow_date_fire f WHERE f.location_id = c.location_id"
                        + "     AND f.process_key = ? AND f.contact_id = c.id AND f.fire_on >= ?)"
                        + " ORDER BY c.id LIMIT ?",
                row -> new Candidate(row.getObject(1, UUID.class), row.getString(2), row.getString(3)), params.toArray());
        ZoneId fallback = locationZone(registered.locationId());
        List<Due> due = new ArrayList<>();
        for (Candidate candidate : candidates) {
            LocalDate date;
            try {
                date = LocalDate.parse(candidate.date());
            } catch (DateTimeParseException | NullPointerException notADate) {
                continue;
            }
            ZoneId zone = zone(candidate.zone()).orElse(fallback);
            for (int year = now.getYear() - 1; year <= now.getYear() + 1; year++) {
                ZonedDateTime moment = trigger.moment(date, year, zone);
                if (moment.toOffsetDateTime().isAfter(from) && !moment.toOffsetDateTime().isAfter(now)) {
                    due.add(new Due(candidate.id(), moment.toLocalDate()));
                }
                if (!trigger.yearly()) {
                    break;
                }
            }
        }
        return due;
    }

    /** Starts the workflow for one contact whose date came, unless that date was fired already. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean fire(Registered registered, Due due) {
        int claimed = db.update("""
                INSERT INTO workflow_date_fire (location_id, process_key, contact_id, fire_on) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", registered.locationId(), registered.processKey(), due.contactId(), due.on());
        if (claimed == 0) {
            return false;
        }
        return starter.startFor(registered.locationId(), registered.processKey(), due.contactId(),
                Map.of("dateTriggerOn", due.on().toString())).runId() != null;
    }

    /** A start that failed: recorded as a failed run, and the date kept as fired so that it is not tried every sweep. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(Registered registered, Due due, RuntimeException e) {
        db.update("""
                INSERT INTO workflow_date_fire (location_id, process_key, contact_id, fire_on) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", registered.locationId(), registered.processKey(), due.contactId(), due.on());
        runs.failedToStart(registered.locationId(), registered.processKey(), 0, due.contactId().toString(), null,
                "the run could not start on its date " + due.on() + ": " + e.getMessage());
    }

    @Transactional
    public void forgetOldFires(LocationId locationId) {
        db.update("DELETE FROM workflow_date_fire WHERE location_id = ? AND fire_on < ?", locationId,
                LocalDate.now(clock).minusDays(FIRES_KEPT_DAYS));
    }

    private ZoneId locationZone(LocationId locationId) {
        return db.queryOne("SELECT timezone FROM location WHERE id = ?", row -> row.getString(1), locationId)
                .flatMap(DateTriggers::zone).orElse(ZoneOffset.UTC);
    }

    private static Optional<ZoneId> zone(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id.trim()));
        } catch (DateTimeException unknown) {
            return Optional.empty();
        }
    }
}
