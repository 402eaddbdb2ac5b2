/**
 * A board's state as the console changes it before the server answers: a card moved from one column
 * to another takes its count and its value with it, so both headers are right at once; the same
 * functions put it back when the server refuses the move.
 */
import type { BoardStage, CurrencyTotal, Opportunity, PipelineBoard } from '../../api/types';
import { addAmounts } from './valueFormat';

/** Where a card is: its column and its index there. */
export interface CardPlace {
  stageId: string;
  index: number;
  card: Opportunity;
}

export function findCard(board: PipelineBoard, opportunityId: string): CardPlace | null {
  for (const stage of board.stages) {
    const index = stage.items.findIndex((o) => o.id === opportunityId);
    if (index >= 0) return { stageId: stage.id, index, card: stage.items[index] };
  }
  return null;
}

/** Totals with `amount` added in `currency` (negative: taken away); a sum taken down to nothing goes. */
function addToTotals(totals: readonly CurrencyTotal[], currency: string, amount: number | undefined): CurrencyTotal[] {
  if (amount === undefined) return [...totals];
  const existing = totals.find((t) => t.currency === currency);
  const sum = addAmounts(existing?.amount ?? 0, amount);
  const others = totals.filter((t) => t.currency !== currency);
  const next = amount < 0 && sum <= 0 ? others : [...others, { currency, amount: Math.max(sum, 0) }];
  return next.sort((a, b) => a.currency.localeCompare(b.currency));
}

function withoutCard(stage: BoardStage, card: Opportunity): BoardStage {
  return {
    ...stage,
    count: Math.max(0, stage.count - 1),
    totals: addToTotals(stage.totals, card.currency, card.monetaryValue === undefined ? undefined : -card.monetaryValue),
    items: stage.items.filter((o) => o.id !== card.id),
  };
}

function withCard(stage: BoardStage, card: Opportunity, at: number): BoardStage {
  const items = stage.items.filter((o) => o.id !== card.id);
  items.splice(Math.min(Math.max(at, 0), items.length), 0, card);
  return {
    ...stage,
    count: stage.count + 1,
    totals: addToTotals(stage.totals, card.currency, card.monetaryValue),
    items,
  };
}

/**
 * The board with the card moved to `toStageId` at index `at` (0: on top, where the server lists the
 * most recently changed), as `card` when given (the server's answer, or the card as it was).
 * Unchanged when the card is not on the board or already in that column.
 */
export function moveCard(
  board: PipelineBoard,
  opportunityId: string,
  toStageId: string,
  at = 0,
  card?: Opportunity,
): PipelineBoard {
  const place = findCard(board, opportunityId);
  if (!place || place.stageId === toStageId || !board.stages.some((s) => s.id === toStageId)) return board;
  const moved: Opportunity = card ?? { ...place.card, pipelineStageId: toStageId };
  return {
    ...board,
    stages: board.stages.map((stage) =>
      stage.id === place.stageId ? withoutCard(stage, place.card) : stage.id === toStageId ? withCard(stage, moved, at) : stage,
    ),
  };
}

/** The board with a card replaced where it is (the server's answer to a move). */
export function replaceCard(board: PipelineBoard, card: Opportunity): PipelineBoard {
  return {
    ...board,
    stages: board.stages.map((stage) =>
      stage.items.some((o) => o.id === card.id) ? { ...stage, items: stage.items.map((o) => (o.id === card.id ? card : o)) } : stage,
    ),
  };
}

/** A new card on top of its column (created from the board). */
export function addCard(board: PipelineBoard, card: Opportunity): PipelineBoard {
  return {
    ...board,
    stages: board.stages.map((stage) => (stage.id === card.pipelineStageId ? withCard(stage, card, 0) : stage)),
  };
}

/** The next cards of a column (Load more), leaving out any the column shows already. */
export function appendCards(board: PipelineBoard, stageId: string, cards: readonly Opportunity[], nextCursor?: string): PipelineBoard {
  return {
    ...board,
    stages: board.stages.map((stage) =>
      stage.id === stageId
        ? { ...stage, items: [...stage.items, ...cards.filter((c) => !stage.items.some((o) => o.id === c.id))], nextCursor }
        : stage,
    ),
  };
}

/** The server's counts and sums on the cards shown (after a move, when no other move is under way). */
export function withFigures(board: PipelineBoard, fresh: PipelineBoard): PipelineBoard {
  return {
    ...board,
    stages: board.stages.map((stage) => {
      const figures = fresh.stages.find((s) => s.id === stage.id);
      return figures ? { ...stage, count: figures.count, totals: figures.totals } : stage;
    }),
  };
}
