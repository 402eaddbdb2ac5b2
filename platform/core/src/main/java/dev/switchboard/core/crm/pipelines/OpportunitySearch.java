package dev.switchboard.core.crm.pipelines;

import dev.switchboard.core.db.Database;
import dev.switchboard.core.paging.KeysetQuery;
import dev.switchboard.core.paging.Page;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Lists a location's opportunities with plain SQL: filters by pipeline, stage, contact, status and
 * assignee, sorted by {@code updatedAt} (default, newest first) or {@code createdAt}, keyset paging.
 * Opportunities of contacts in the trash are left out until the contact is restored. The page's
 * opportunities are then read as entities by id.
 */
@ApplicationScoped
public class OpportunitySearch {

    /** A sort: its SQL expression (constant text); the cursor's value is cast back to timestamptz. */
    enum Sort {
        UPDATED_AT("updatedAt", "o.updated_at"),
        CREATED_AT("createdAt", "o.created_at");

        final String apiName;
        final String expression;

        Sort(String apiName, String expression) {
            this.apiName = apiName;
            this.expression = expression;
        }

        static Sort of(String name) {
            if (name == null || name.isBlank()) {
                return UPDATED_AT;
            }
            return Arrays.stream(values()).filter(s -> s.apiName.equals(name)).findFirst()
                    .orElseThrow(() -> ProblemException.invalid(FieldError.parameter("sort",
                            "sort must be updatedAt or createdAt, was " + Texts.quote(name))));
        }

        /** The cursor name of this sort in one direction; the board's cursors are those of updatedAt, descending. */
        String cursorName(boolean ascending) {
            return apiName + (ascending ? ".asc" : ".desc");
        }
    }

    /** Only opportunities whose contact is not in the trash (SQL on alias {@code o}). */
    static final String LIVE_CONTACT = " AND EXISTS (SELECT 1 FROM contact c WHERE c.location_id = o.location_id"
            + " AND c.id = o.contact_id AND c.deleted_at IS NULL)";

    @Inject
    Database db;

    @Inject
    Opportunities opportunities;

    public Page<Opportunity> list(LocationId locationId, OpportunityQuery query) {
        Sort sort = Sort.of(query.sort());
        StringBuilder from = new StringBuilder("FROM opportunity o WHERE o.location_id = ?" + LIVE_CONTACT);
        List<Object> params = new ArrayList<>(List.of(locationId));
        filter(from, params, "o.pipeline_id", query.pipelineId());
        filter(from, params, "o.pipeline_stage_id", query.pipelineStageId());
        filter(from, params, "o.contact_id", query.contactId());
        filter(from, params, "o.assigned_to", query.assignedTo());
        if (query.status() != null) {
            from.append(" AND o.status = ?");
            params.add(query.status().name());
        }
        KeysetQuery.Order order = new KeysetQuery.Order(sort.cursorName(query.ascending()), sort.expression, "timestamptz",
                "o.id", query.ascending());
        Page<UUID> ids = KeysetQuery.ids(db, from.toString(), params, order, query.limit(), query.cursor());
        return new Page<>(opportunities.views(locationId, ids.items()), ids.nextCursor());
    }

    private static void filter(StringBuilder sql, List<Object> params, String column, UUID value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }
}
