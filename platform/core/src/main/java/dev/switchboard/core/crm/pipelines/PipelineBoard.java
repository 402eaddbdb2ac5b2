package dev.switchboard.core.crm.pipelines;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A pipeline as a board: per stage in board order, how many opportunities it holds, their value per
 * currency, and the first cards. Every opportunity of a stage counts, whatever its status; those of
 * contacts in the trash do not.
 */
@Schema(name = "PipelineBoard")
public record PipelineBoard(UUID id, @Schema(example = "Sales") String name, List<BoardStage> stages) {

    /** A column of the board. */
    @Schema(name = "BoardStage")
    public record BoardStage(
            UUID id,
            @Schema(example = "Qualified") String name,
            int position,
            @Schema(description = "Opportunities in the stage, whatever their status", example = "12") long count,
            @Schema(description = "Sum of monetaryValue per currency, by currency code; opportunities without a value"
                    + " add nothing") List<CurrencyTotal> totals,
            @Schema(description = "The first cards, most recently updated first") List<Opportunity> items,
            @Schema(description = "Pass as cursor to GET opportunities?pipelineStageId=… for the stage's next cards;"
                    + " absent when every card is here") String nextCursor) {
    }

    /** What the opportunities of a stage are worth in one currency. */
    @Schema(name = "CurrencyTotal")
    public record CurrencyTotal(@Schema(example = "USD") String currency, @Schema(example = "42000.00") BigDecimal amount) {
    }
}
