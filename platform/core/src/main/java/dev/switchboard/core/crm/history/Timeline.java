package dev.switchboard.core.crm.history;

import dev.switchboard.core.db.Database;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.paging.Cursor;
import dev.switchboard.core.paging.Page;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A contact's timeline, newest first: its history (and its opportunities' history), notes, tasks,
 * opportunities, workflow runs and merges, in one keyset-paged SQL query over those tables.
 */
@ApplicationScoped
public class Timeline {

    private static final String ENTRIES = """
            SELECT 'change' AS kind, r.changed_at AS at, r.id::text AS id, r.subject_type AS subject_type, r.field,
                   r.before_value::text AS before_value, r.after_value::text AS after_value, r.actor_type, r.actor_id,
                   NULL AS title, NULL AS body, NULL AS status, r.subject_id::text AS ref_id
            FROM change_record r WHERE r.location_id = ? AND r.contact_id = ?
            UNION ALL
            SELECT 'note', n.created_at, n.id::text, NULL, NULL, NULL, NULL, CASE WHEN n.author_id IS NULL THEN NULL ELSE 'USER' END,
                   n.author_id::text, NULL, n.body, NULL, NULL
            FROM note n WHERE n.location_id = ? AND n.contact_id = ?
            UNION ALL
            SELECT 'task', t.created_at, t.id::text, NULL, NULL, NULL, NULL, CASE WHEN t.created_by IS NULL THEN NULL ELSE 'USER' END,
                   t.created_by::text, t.title, t.body, CASE WHEN t.completed THEN 'completed' ELSE 'open' END, t.assigned_to::text
            FROM task t WHERE t.location_id = ? AND t.contact_id = ?
            UNION ALL
            SELECT 'opportunity', o.created_at, o.id::text, NULL, NULL, NULL, NULL, NULL, NULL, o.name, NULL, lower(o.status),
                   o.pipeline_id::text
            FROM opportunity o WHERE o.location_id = ? AND o.contact_id = ?
            UNION ALL
            SELECT 'workflowRun', w.started_at, w.id, NULL, NULL, NULL, NULL, NULL, NULL, w.workflow_key, w.error, w.state, NULL
            FROM workflow_run w WHERE w.location_id = ? AND w.contact_id = ?
            UNION ALL
            SELECT 'merge', m.merged_at, m.id::text, NULL, NULL, NULL, NULL, m.actor_type, m.actor_id, NULL, m.moved::text, NULL,
                   m.duplicate_id::text
            FROM contact_merge m WHERE m.location_id = ? AND m.primary_id = ?
            """;

    @Inject
    Database db;

    public Page<TimelineItem> of(LocationId locationId, UUID contactId, int limit, String cursor) {
        Cursor after = Cursor.decode(cursor, "timeline", 2);
        // per part of the union: the location, then the contact (the workflow run's contact id is text)
        List<Object> params = new ArrayList<>();
        for (Object contact : List.of(contactId, contactId, contactId, contactId, contactId.toString(), contactId)) {
            params.add(locationId);
            params.add(contact);
        }
        StringBuilder sql = new StringBuilder("SELECT kind, at, id, subject_type, field, before_value, after_value, actor_type,"
                + " actor_id, title, body, status, ref_id FROM (").append(ENTRIES).append(") e");
        if (after != null) {
            sql.append(" WHERE (at, id) < (?::timestamptz, ?)");
            params.add(after.value(0));
            params.add(after.value(1));
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT ?");
        params.add(limit + 1);
        List<TimelineItem> items = db.query(sql.toString(), row -> new TimelineItem(row.getString(1),
                row.getObject(2, OffsetDateTime.class), row.getString(3), row.getString(4), row.getString(5),
                json(row.getString(6)), json(row.getString(7)), row.getString(8), row.getString(9), row.getString(10),
                row.getString(11), row.getString(12), row.getString(13)), params.toArray());
        String next = null;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            TimelineItem last = items.get(limit - 1);
            next = Cursor.encode("timeline", last.at().toString(), last.id());
        }
        return new Page<>(items, next);
    }

    private static JsonValue json(String text) {
        return text == null ? null : Json.createReader(new StringReader(text)).readValue();
    }
}
