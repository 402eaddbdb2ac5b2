package dev.switchboard.core.crm.tasks;

import dev.switchboard.core.crm.CrmInput;
import dev.switchboard.core.crm.contacts.LiveContacts;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.EntityMappings;
import dev.switchboard.core.db.Timestamps;
import dev.switchboard.core.events.EventCatalog;
import dev.switchboard.core.events.EventOutbox;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.paging.Cursor;
import dev.switchboard.core.paging.KeysetQuery;
import dev.switchboard.core.paging.Page;
import dev.switchboard.core.problems.InputValidation;
import dev.switchboard.core.problems.JsonInput;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The tasks about a contact: created by a user, maybe assigned to one, due at a time, completed. A new
 * task emits {@code task.created}; completing one sets {@code completedAt} and emits
 * {@code task.completed}, reopening it clears {@code completedAt}. Besides a contact's tasks, a user's
 * tasks across the location's contacts are listed by due date. Tasks of a deleted contact are not
 * found, and not listed, until it is restored; a merge moves them to the primary contact.
 */
@ApplicationScoped
public class Tasks {

    private static final KeysetQuery.Order NEWEST = new KeysetQuery.Order("tasks.newest", "created_at", "timestamptz", "id", false);

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 20_000;
    /** Due dates are in these years. */
    public static final int FIRST_YEAR = 1970;
    public static final int LAST_YEAR = 9999;
    private static final String LONGER = "is longer than {max} characters";
    private static final Set<String> READ_ONLY = Set.of("id", "contactId", "completedAt", "createdBy", "createdAt", "updatedAt");

    /** The text members of a request, as Bean Validation checks them. */
    record TaskText(@NotBlank(message = "is required") @Size(max = MAX_TITLE, message = LONGER) String title,
                    @Size(max = MAX_BODY, message = LONGER) String body) {
    }

    @PersistenceContext(unitName = EntityMappings.UNIT)
    EntityManager em;

    @Inject
    Database db;

    @Inject
    InputValidation validation;

    @Inject
    LiveContacts liveContacts;

    @Inject
    EventOutbox outbox;

    /** Creates a task by {@code createdBy} (null when no user created it). */
    @Transactional
    public Task create(LocationId locationId, UUID contactId, JsonObject body, UUID createdBy) {
        liveContacts.require(locationId, contactId);
        Violations violations = new Violations();
        CrmInput.refuseReadOnly(body, READ_ONLY, violations);
        TaskEntity task = new TaskEntity();
        task.id = UUID.randomUUID();
        task.locationId = locationId.value();
        task.contactId = contactId;
        task.createdBy = createdBy;
        read(JsonInput.of(CrmInput.without(body, READ_ONLY), violations), task, violations);
        if (task.assignedTo != null) {
            checkAssignable(task.assignedTo, violations);
        }
        violations.throwIfAny();
        task.createdAt = Timestamps.now();
        task.updatedAt = task.createdAt;
        task.completedAt = task.completed ? task.createdAt : null;
        em.persist(task);
        em.flush();
        JsonObjectBuilder created = payload(task);
        if (task.assignedTo != null) {
            created.add("assignedTo", task.assignedTo.toString());
        }
        outbox.append(locationId, EventCatalog.TASK_CREATED, created.build());
        if (task.completed) {
            outbox.append(locationId, EventCatalog.TASK_COMPLETED, payload(task).build());
        }
        return task.view();
    }

    public Task find(LocationId locationId, UUID contactId, UUID taskId) {
        liveContacts.require(locationId, contactId);
        return entity(locationId, contactId, taskId).view();
    }

    /** Changes a task by a JSON merge patch of its title, body, dueDate, assignedTo and completed. */
    @Transactional
    public Task patch(LocationId locationId, UUID contactId, UUID taskId, JsonObject patch) {
        liveContacts.require(locationId, contactId);
        TaskEntity task = entity(locationId, contactId, taskId);
        Violations violations = new Violations();
        CrmInput.refuseReadOnly(patch, READ_ONLY, violations);
        JsonObject before = editable(task);
        boolean wasCompleted = task.completed;
        UUID assigneeBefore = task.assignedTo;
        JsonObject patched = Json.createMergePatch(CrmInput.without(patch, READ_ONLY)).apply(before).asJsonObject();
        read(JsonInput.of(patched, violations), task, violations);
        if (task.assignedTo != null && !task.assignedTo.equals(assigneeBefore)) {
            checkAssignable(task.assignedTo, violations);
        }
        violations.throwIfAny();
        if (before.equals(editable(task))) {
            return task.view();
        }
        task.updatedAt = Timestamps.now();
        if (task.completed && !wasCompleted) {
            task.completedAt = task.updatedAt;
        } else if (!task.completed) {
            task.completedAt = null;
        }
        em.flush();
        if (task.completed && !wasCompleted) {
            outbox.append(locationId, EventCatalog.TASK_COMPLETED, payload(task).build());
        }
        return task.view();
    }

    @Transactional
    public void delete(LocationId locationId, UUID contactId, UUID taskId) {
        liveContacts.require(locationId, contactId);
        em.remove(entity(locationId, contactId, taskId));
        em.flush();
    }

    /** A contact's tasks, newest first. */
    public Page<Task> ofContact(LocationId locationId, UUID contactId, int limit, String cursor) {
        liveContacts.require(locationId, contactId);
        Page<UUID> ids = KeysetQuery.ids(db, "FROM task WHERE location_id = ? AND contact_id = ?",
                List.of(locationId, contactId), NEWEST, limit, cursor);
        return new Page<>(views(locationId, ids.items()), ids.nextCursor());
    }

    /**
     * The tasks assigned to a user across the location's contacts (not deleted ones), open or
     * completed, by due date (tasks without one last).
     */
    public Page<Task> assignedTo(LocationId locationId, UUID assignee, boolean completed, int limit, String cursor) {
        String sort = completed ? "tasks.due.completed" : "tasks.due.open";
        Cursor after = Cursor.decode(cursor, sort, 2);
        StringBuilder sql = new StringBuilder("""
                SELECT t.id FROM task t
                JOIN contact c ON c.location_id = t.location_id AND c.id = t.contact_id AND c.deleted_at IS NULL
                WHERE t.location_id = ? AND t.assigned_to = ? AND t.completed = ?""");
        List<Object> params = new ArrayList<>(List.of(locationId, assignee, completed));
        if (after != null && after.value(0) != null) {
            sql.append(" AND (t.due_date > ?::timestamptz OR (t.due_date = ?::timestamptz AND t.id > ?::uuid)"
                    + " OR t.due_date IS NULL)");
            params.add(after.value(0));
            params.add(after.value(0));
            params.add(after.value(1));
        } else if (after != null) {
            sql.append(" AND t.due_date IS NULL AND t.id > ?::uuid");
            params.add(after.value(1));
        }
        sql.append(" ORDER BY t.due_date ASC NULLS LAST, t.id ASC LIMIT ?");
        params.add(limit + 1);
        List<Task> tasks = views(locationId, db.query(sql.toString(), row -> row.getObject(1, UUID.class), params.toArray()));
        String next = null;
        if (tasks.size() > limit) {
            tasks = tasks.subList(0, limit);
            Task last = tasks.get(limit - 1);
            next = Cursor.encode(sort, last.dueDate(), last.id());
        }
        return new Page<>(tasks, next);
    }

    // --- reading a request

    /** Reads every member of a whole task into {@code target}: absent members clear the field. */
    private void read(JsonInput input, TaskEntity target, Violations violations) {
        TaskText text = new TaskText(CrmInput.text(input, "title"), CrmInput.text(input, "body"));
        OffsetDateTime due = input.timestamp("dueDate");
        if (due != null && (due.getYear() < FIRST_YEAR || due.getYear() > LAST_YEAR)) {
            violations.field("dueDate", "must be in the years " + FIRST_YEAR + " to " + LAST_YEAR);
            due = null;
        }
        UUID assignedTo = input.uuid("assignedTo");
        Boolean completed = input.bool("completed");
        input.finish();
        CrmInput.validate(validation, text, violations);
        target.title = text.title() == null ? target.title : text.title();
        target.body = text.body();
        target.dueDate = due == null ? null : due.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        target.assignedTo = assignedTo;
        target.completed = Boolean.TRUE.equals(completed);
    }

    private void checkAssignable(UUID userId, Violations violations) {
        boolean assignable = db.queryOne("SELECT EXISTS (SELECT 1 FROM switchboard_assignable_users() AS u WHERE u = ?)",
                row -> row.getBoolean(1), userId).orElse(false);
        if (!assignable) {
            violations.field("assignedTo", "no user " + userId + " with access to this location");
        }
    }

    // --- rows and views

    private TaskEntity entity(LocationId locationId, UUID contactId, UUID taskId) {
        TaskEntity task = em.find(TaskEntity.class, taskId);
        if (task == null || !task.locationId.equals(locationId.value()) || !task.contactId.equals(contactId)) {
            throw ProblemException.notFound("task " + taskId);
        }
        return task;
    }

    /** Tasks by id, in the order of {@code ids}. */
    private List<Task> views(LocationId locationId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, TaskEntity> byId = new HashMap<>();
        em.createQuery("SELECT t FROM TaskEntity t WHERE t.locationId = :location AND t.id IN :ids", TaskEntity.class)
                .setParameter("location", locationId.value()).setParameter("ids", ids).getResultList()
                .forEach(task -> byId.put(task.id, task));
        return ids.stream().map(byId::get).filter(Objects::nonNull).map(TaskEntity::view).toList();
    }

    /** The members a merge patch applies to, those without a value left out. */
    private static JsonObject editable(TaskEntity task) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("title", task.title);
        if (task.body != null) {
            json.add("body", task.body);
        }
        if (task.dueDate != null) {
            json.add("dueDate", task.dueDate.toString());
        }
        if (task.assignedTo != null) {
            json.add("assignedTo", task.assignedTo.toString());
        }
        return json.add("completed", task.completed).build();
    }

    private static JsonObjectBuilder payload(TaskEntity task) {
        return Json.createObjectBuilder().add("contactId", task.contactId.toString()).add("taskId", task.id.toString());
    }
}
