package dev.switchboard.core.crm.bulk;

import dev.switchboard.core.crm.Actor;
import dev.switchboard.core.crm.segments.Segments;
import dev.switchboard.core.crm.segments.SqlCondition;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.jobs.JobHandler;
import dev.switchboard.core.jobs.JobRun;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Does a bulk action to its contacts in rounds of {@value #ROUND} in the order of their ids: each
 * round reads the next contacts the filter matches, does the action to each and commits with the
 * last id as its checkpoint, so a job that stops or whose node dies resumes after the last committed
 * round and does nothing twice. The filter is run again each round, and only contacts created before
 * the job was asked for are included: the job ends even while contacts keep coming.
 */
@ApplicationScoped
public class BulkActionJob implements JobHandler {

    public static final String KIND = "bulk-action";
    /** Contacts per round (per transaction). */
    static final int ROUND = 100;

    @Inject
    BulkActions bulkActions;

    @Inject
    Segments segments;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public JsonObject run(JobRun run) {
        JsonObject parameters = run.parameters();
        LocationId locationId = run.locationId();
        BulkAction action = bulkActions.action(parameters.getString("action"));
        JsonObject options = parameters.getJsonObject("options");
        Actor actor = run.createdBy().map(Actor::user).orElse(Actor.system("bulk action " + run.id()));
        SqlCondition where;
        try (DatabaseScope scope = DatabaseScope.location(locationId.value())) {
            where = SqlCondition.and(List.of(bulkActions.contactsOf(locationId, parameters, "/filter"),
                    SqlCondition.of("c.created_at <= ?", OffsetDateTime.parse(parameters.getString("before")))));
        }
        JsonObject checkpoint = run.checkpoint().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).orElse(null);
        if (checkpoint == null) {
            run.expect(parameters.getJsonNumber("total").longValue());
        }
        UUID after = checkpoint == null || !checkpoint.containsKey("after") ? null : UUID.fromString(checkpoint.getString("after"));
        long changed = checkpoint == null ? 0 : checkpoint.getJsonNumber("changed").longValue();
        while (!run.stopRequested()) {
            UUID from = after;
            long before = changed;
            UUID[] last = new UUID[1];
            long[] changes = new long[1];
            run.commit(round -> {
                List<UUID> ids = segments.after(locationId, where, from, ROUND, "c.id", row -> row.getObject(1, UUID.class));
                for (UUID id : ids) {
                    try {
                        if (action.apply(locationId, id, options, actor, run.id())) {
                            changes[0]++;
                        }
                        round.done(1);
                    } catch (ProblemException e) {
                        round.failed(id.toString(), reason(e));
                    }
                    last[0] = id;
                }
                JsonObjectBuilder next = Json.createObjectBuilder().add("changed", before + changes[0]);
                UUID point = last[0] != null ? last[0] : from;
                if (point != null) {
                    next.add("after", point.toString());
                }
                return next.build();
            });
            if (last[0] == null) {
                break;
            }
            after = last[0];
            changed = before + changes[0];
        }
        return Json.createObjectBuilder().add("action", action.name()).add("changed", changed).build();
    }

    private static String reason(ProblemException e) {
        List<String> details = e.problem().errors().stream().map(error -> error.detail()).toList();
        return details.isEmpty() ? e.problem().detail() : String.join("; ", details);
    }
}
