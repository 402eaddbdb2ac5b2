package dev.switchboard.core.crm.pipelines;

import dev.switchboard.core.db.Database;
import dev.switchboard.core.paging.Cursor;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A pipeline's board: per stage, the number of opportunities and their value per currency (one
 * aggregate query with grouping sets), and the first cards of every stage (one query ranking each
 * stage's opportunities by {@code updatedAt}). A stage's next cards come from the opportunity list
 * with the stage's {@code nextCursor}: the board's cursors are the list's, for its default sort.
 */
@ApplicationScoped
public class PipelineBoards {

    /** Cards per stage when the request does not say. */
    public static final int DEFAULT_CARDS = 20;
    /** Most cards per stage. */
    public static final int MAX_CARDS = 100;

    private static final String TOTALS = """
            SELECT o.pipeline_stage_id, o.currency, GROUPING(o.currency), count(*), sum(o.monetary_value)
            FROM opportunity o
            WHERE o.location_id = ? AND o.pipeline_id = ?""" + OpportunitySearch.LIVE_CONTACT + """

            GROUP BY GROUPING SETS ((o.pipeline_stage_id), (o.pipeline_stage_id, o.currency))""";

    private static final String CARDS = """
            SELECT id, pipeline_stage_id, updated_at::text FROM (
                SELECT o.id, o.pipeline_stage_id, o.updated_at,
                       row_number() OVER (PARTITION BY o.pipeline_stage_id ORDER BY o.updated_at DESC, o.id DESC) AS n
                FROM opportunity o
                WHERE o.location_id = ? AND o.pipeline_id = ?""" + OpportunitySearch.LIVE_CONTACT + """

            ) ranked
            WHERE n <= ?
            ORDER BY pipeline_stage_id, n""";

    @Inject
    Database db;

    @Inject
    Pipelines pipelines;

    @Inject
    Opportunities opportunities;

    /** @param cards the number of cards per stage, 1 to {@value #MAX_CARDS} */
    public PipelineBoard board(LocationId locationId, UUID pipelineId, int cards) {
        PipelineEntity pipeline = pipelines.entity(locationId, pipelineId)
                .orElseThrow(() -> ProblemException.notFound("pipeline " + pipelineId));
        List<PipelineStageEntity> stages = pipelines.stages(locationId, pipelineId);

        Map<UUID, Long> counts = new HashMap<>();
        Map<UUID, List<PipelineBoard.CurrencyTotal>> totals = new HashMap<>();
        record Total(UUID stage, String currency, boolean perStage, long count, BigDecimal sum) {
        }
        for (Total row : db.query(TOTALS, row -> new Total(row.getObject(1, UUID.class), row.getString(2), row.getInt(3) == 1,
                row.getLong(4), row.getBigDecimal(5)), locationId, pipelineId)) {
            if (row.perStage()) {
                counts.put(row.stage(), row.count());
            } else if (row.sum() != null && row.currency() != null) {
                totals.computeIfAbsent(row.stage(), id -> new ArrayList<>())
                        .add(new PipelineBoard.CurrencyTotal(row.currency(), Opportunities.cents(row.sum())));
            }
        }
        totals.values().forEach(list -> list.sort((a, b) -> a.currency().compareTo(b.currency())));

        record Card(UUID id, UUID stage, String updatedAt) {
        }
        Map<UUID, List<Card>> cardsByStage = new LinkedHashMap<>();
        List<UUID> ids = new ArrayList<>();
        for (Card card : db.query(CARDS, row -> new Card(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                row.getString(3)), locationId, pipelineId, cards)) {
            cardsByStage.computeIfAbsent(card.stage(), id -> new ArrayList<>()).add(card);
            ids.add(card.id());
        }
        Map<UUID, Opportunity> views = new HashMap<>();
        opportunities.views(locationId, ids).forEach(view -> views.put(view.id(), view));

        String cursorName = OpportunitySearch.Sort.UPDATED_AT.cursorName(false);
        List<PipelineBoard.BoardStage> columns = new ArrayList<>();
        for (PipelineStageEntity stage : stages) {
            List<Card> stageCards = cardsByStage.getOrDefault(stage.id, List.of());
            long count = counts.getOrDefault(stage.id, 0L);
            String next = null;
            if (count > stageCards.size() && !stageCards.isEmpty()) {
                Card last = stageCards.get(stageCards.size() - 1);
                next = Cursor.encode(cursorName, last.updatedAt(), last.id());
            }
            columns.add(new PipelineBoard.BoardStage(stage.id, stage.name, stage.position, count,
                    totals.getOrDefault(stage.id, List.of()),
                    stageCards.stream().map(card -> views.get(card.id())).filter(java.util.Objects::nonNull).toList(), next));
        }
        return new PipelineBoard(pipeline.id, pipeline.name, columns);
    }
}
