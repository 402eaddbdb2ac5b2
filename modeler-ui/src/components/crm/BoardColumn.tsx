import { useState, type DragEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { BoardStage, Opportunity } from '../../api/types';
import { buttonClass } from '../ui';
import { formatOpportunityValue, formatTotals, STATUS_LABELS } from './valueFormat';

/** The media type a dragged card carries (its id): other drags (text, files) are not dropped on a column. */
export const CARD_DRAG_TYPE = 'application/x-switchboard-opportunity';

export interface BoardColumnProps {
  stage: BoardStage;
  /** `location.contacts`: cards can be dragged here and away. */
  canMove: boolean;
  /** The card being dragged, if any (a drop target shows itself while one is). */
  draggingId: string | null;
  loadingMore: boolean;
  /** The card that should take the focus when it appears (after a keyboard move). */
  focusId: string | null;
  /** The card of `focusId` took the focus. */
  onFocused: () => void;
  onDragStart: (opportunityId: string) => void;
  onDragEnd: () => void;
  onDrop: (opportunityId: string, stageId: string) => void;
  /** A key moved the card one stage left (-1) or right (+1). */
  onStep: (opportunityId: string, step: -1 | 1) => void;
  onLoadMore: () => void;
  contactHref: (contactId: string) => string;
  onOpenContact: (contactId: string) => void;
}

/** One stage: its name, count and sums per currency, its cards, Load more; a drop target for cards. */
export function BoardColumn(props: BoardColumnProps) {
  const { stage, canMove, draggingId, loadingMore, onDrop } = props;
  const [over, setOver] = useState(false);
  const accepts = canMove && draggingId !== null && !stage.items.some((o) => o.id === draggingId);

  const dragOver = (event: DragEvent<HTMLElement>) => {
    if (!accepts) return;
    event.preventDefault(); // allows the drop
    event.dataTransfer.dropEffect = 'move';
    setOver(true);
  };
  const drop = (event: DragEvent<HTMLElement>) => {
    setOver(false);
    if (!accepts) return;
    event.preventDefault();
    const id = event.dataTransfer.getData(CARD_DRAG_TYPE) || draggingId;
    if (id) onDrop(id, stage.id);
  };

  return (
    <section
      aria-labelledby={`stage-${stage.id}`}
      data-stage-id={stage.id}
      data-stage-name={stage.name}
      data-drop-target={over ? '' : undefined}
      onDragOver={dragOver}
      onDragEnter={dragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={drop}
      className={`flex max-h-full w-72 shrink-0 flex-col rounded-theme border bg-surface ${
        over ? 'border-primary' : 'border-border'
      }`}
    >
      <header className="space-y-0.5 border-b border-border px-3 py-2">
        <h3 id={`stage-${stage.id}`} className="truncate font-semibold">
          {stage.name}
        </h3>
        <p className="text-sm text-muted">
          <span data-count={stage.count}>
            {stage.count} {stage.count === 1 ? 'opportunity' : 'opportunities'}
          </span>
          {' · '}
          <span data-totals={stage.totals.map((t) => `${t.currency}:${t.amount}`).join(',')}>{formatTotals(stage.totals)}</span>
        </p>
      </header>
      <ol aria-label={`${stage.name} opportunities`} className="min-h-16 flex-1 space-y-2 overflow-y-auto p-2">
        {stage.items.map((card) => (
          <OpportunityCard key={card.id} card={card} stageName={stage.name} {...props} />
        ))}
        {stage.items.length === 0 && <li className="px-1 text-sm text-muted">No opportunities</li>}
      </ol>
      {stage.nextCursor && (
        <div className="border-t border-border p-2">
          <button
            type="button"
            className={`${buttonClass} w-full`}
            disabled={loadingMore}
            onClick={props.onLoadMore}
            aria-label={`Load more in ${stage.name}`}
          >
            {loadingMore ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </section>
  );
}

interface OpportunityCardProps extends BoardColumnProps {
  card: Opportunity;
  stageName: string;
}

/** A card: the opportunity's name, value and status and a link to its contact; draggable where the user may move it. */
function OpportunityCard(props: OpportunityCardProps) {
  const { card, stageName, canMove, draggingId, focusId, onFocused, onDragStart, onDragEnd, onStep, contactHref, onOpenContact } =
    props;
  const openContact = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onOpenContact(card.contactId);
  };
  const keyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (!canMove || event.target !== event.currentTarget) return;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      onStep(card.id, event.key === 'ArrowLeft' ? -1 : 1);
    }
  };
  return (
    <li
      data-opportunity-id={card.id}
      data-status={card.status}
      draggable={canMove}
      tabIndex={0}
      aria-label={`${card.name}, ${stageName}`}
      aria-keyshortcuts={canMove ? 'ArrowLeft ArrowRight' : undefined}
      ref={(el) => {
        if (el && focusId === card.id) {
          el.focus();
          onFocused();
        }
      }}
      onDragStart={(event) => {
        if (!canMove) return;
        event.dataTransfer.setData(CARD_DRAG_TYPE, card.id);
        event.dataTransfer.setData('text/plain', card.name);
        event.dataTransfer.effectAllowed = 'move';
        onDragStart(card.id);
      }}
      onDragEnd={onDragEnd}
      onKeyDown={keyDown}
      className={`space-y-1 rounded-theme border border-border bg-background p-2 text-sm focus:border-primary focus:outline-none ${
        canMove ? 'cursor-grab' : ''
      } ${draggingId === card.id ? 'opacity-60' : ''}`}
    >
      <p className="break-words font-medium" data-card-name="">
        {card.name}
      </p>
      <p className="flex items-center gap-2">
        <span data-card-value="">{formatOpportunityValue(card)}</span>
        <span className="ml-auto rounded-theme border border-border px-1 text-xs text-muted">{STATUS_LABELS[card.status]}</span>
      </p>
      <a
        href={contactHref(card.contactId)}
        onClick={openContact}
        draggable={false}
        title={`Contact ${card.contactId}`}
        className="text-xs text-muted underline"
      >
        Open contact
      </a>
    </li>
  );
}
