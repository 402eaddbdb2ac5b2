import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { crmApi } from '../../api/crm';
import type { Pipeline, PipelineBoard } from '../../api/types';
import { buttonClass, cardClass, errorTextClass, message, primaryClass, smallInputClass } from '../ui';
import { BoardColumn } from './BoardColumn';
import { addCard, appendCards, findCard, moveCard, replaceCard, withFigures } from './boardMoves';
import { OpportunityForm } from './OpportunityForm';

export interface PipelineBoardViewProps {
  locationId: string;
  locationName: string;
  /** The pipeline in the address; null: the first. */
  pipelineId: string | null;
  onPipelineChange: (pipelineId: string) => void;
  /** `location.contacts`: move cards, create opportunities. */
  canEdit: boolean;
  /** `location.settings`: the way to create a pipeline when there is none. */
  onOpenSettings: (() => void) | null;
  contactHref: (contactId: string) => string;
  onOpenContact: (contactId: string) => void;
}

/** Cards per column on the first read and per Load more. */
const CARDS = 20;

/**
 * A pipeline as a board: a column per stage in board order with its count and its sums per currency,
 * the most recently changed cards first and Load more. A card dragged to another column (or moved with
 * ← and → when focused) moves at once; the server's refusal puts it back and says why.
 */
export function PipelineBoardView(props: PipelineBoardViewProps) {
  const { locationId, locationName, pipelineId, onPipelineChange, canEdit, onOpenSettings } = props;
  const [pipelines, setPipelines] = useState<Pipeline[] | null>(null);
  const [board, setBoard] = useState<PipelineBoard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [moveError, setMoveError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [draggingId, setDraggingId] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState<string | null>(null);
  /** Bumped by Reload: the board is read anew (after a refusal that says it is out of date). */
  const [reloads, setReloads] = useState(0);
  /** The board as last rendered, for moves that start from it. */
  const boardRef = useRef<PipelineBoard | null>(null);
  useLayoutEffect(() => {
    boardRef.current = board;
  }, [board]);
  /** Moves the server has not answered yet: fresh figures wait until there are none. */
  const pending = useRef(0);
  const latest = useRef(0);

  useEffect(() => {
    let cancelled = false;
    crmApi
      .listPipelines(locationId)
      .then((list) => cancelled || setPipelines(list))
      .catch((e: unknown) => {
        if (!cancelled && !(e instanceof ApiError && e.status === 401)) setError(`Could not load the pipelines: ${message(e)}`);
      });
    return () => {
      cancelled = true;
    };
  }, [locationId]);

  const current = pipelines?.find((p) => p.id === pipelineId) ?? pipelines?.[0] ?? null;
  const currentId = current?.id ?? null;

  useEffect(() => {
    if (!currentId) return;
    const request = ++latest.current;
    setBoard(null);
    setError(null);
    setMoveError(null);
    setNotice(null);
    crmApi
      .board(locationId, currentId, CARDS)
      .then((b) => request === latest.current && setBoard(b))
      .catch((e: unknown) => {
        if (request === latest.current && !(e instanceof ApiError && e.status === 401)) {
          setError(`Could not load the board: ${message(e)}`);
        }
      });
  }, [locationId, currentId, reloads]);

  /** The server's counts and sums, once every move has been answered (they include what others changed). */
  const refreshFigures = useCallback(() => {
    if (!currentId || pending.current > 0) return;
    const request = latest.current;
    crmApi
      .board(locationId, currentId, 1)
      .then((fresh) => {
        if (request === latest.current && pending.current === 0) setBoard((b) => b && withFigures(b, fresh));
      })
      .catch(() => undefined); // the figures moved with the card already
  }, [locationId, currentId]);

  const move = useCallback(
    async (opportunityId: string, toStageId: string) => {
      const before = boardRef.current;
      const place = before && findCard(before, opportunityId);
      if (!before || !place || place.stageId === toStageId) return;
      const toName = before.stages.find((s) => s.id === toStageId)?.name ?? 'the stage';
      setMoveError(null);
      setNotice(null);
      setBoard((b) => b && moveCard(b, opportunityId, toStageId));
      pending.current += 1;
      const request = latest.current;
      try {
        const saved = await crmApi.updateOpportunity(locationId, opportunityId, { pipelineStageId: toStageId });
        if (request === latest.current) {
          setBoard((b) => b && replaceCard(b, saved));
          setNotice(`Moved ${saved.name} to ${toName}.`);
        }
      } catch (e) {
        if (request === latest.current) {
          setBoard((b) => b && moveCard(b, opportunityId, place.stageId, place.index, place.card));
          if (!(e instanceof ApiError && e.status === 401)) {
            setMoveError(`Could not move ${place.card.name} to ${toName}: ${message(e)}`);
          }
        }
      } finally {
        pending.current -= 1;
        if (request === latest.current) refreshFigures();
      }
    },
    [locationId, refreshFigures],
  );

  const step = (opportunityId: string, delta: -1 | 1) => {
    const place = board && findCard(board, opportunityId);
    if (!board || !place) return;
    const index = board.stages.findIndex((s) => s.id === place.stageId) + delta;
    if (index < 0 || index >= board.stages.length) return;
    setFocusId(opportunityId);
    void move(opportunityId, board.stages[index].id);
  };

  async function loadMore(stageId: string) {
    const stage = board?.stages.find((s) => s.id === stageId);
    if (!stage?.nextCursor) return;
    const request = latest.current;
    setLoadingMore(stageId);
    try {
      const page = await crmApi.listOpportunities(locationId, {
        pipelineStageId: stageId,
        cursor: stage.nextCursor,
        limit: String(CARDS),
      });
      if (request === latest.current) setBoard((b) => b && appendCards(b, stageId, page.items, page.nextCursor));
    } catch (e) {
      setError(`Could not load more of ${stage.name}: ${message(e)}`);
    } finally {
      setLoadingMore(null);
    }
  }

  if (pipelines === null) {
    return error ? (
      <p role="alert" className={`${errorTextClass} p-6`}>
        {error}
      </p>
    ) : (
      <p className="p-6 text-sm text-muted">Loading…</p>
    );
  }

  if (!current) {
    return (
      <div className="space-y-3 p-6">
        <h2 className="text-lg font-semibold">Pipeline</h2>
        <p className="text-sm text-muted">{locationName} has no pipeline yet.</p>
        {onOpenSettings && (
          <button type="button" className={primaryClass} onClick={onOpenSettings}>
            Create one in Settings → Pipelines
          </button>
        )}
      </div>
    );
  }

  return (
    <div className="flex h-full flex-col gap-3 p-6">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-semibold">Pipeline</h2>
        <select
          aria-label="Pipeline"
          value={current.id}
          onChange={(e) => onPipelineChange(e.target.value)}
          className={smallInputClass}
        >
          {pipelines.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        {canEdit ? (
          <span className="text-sm text-muted">Drag a card to another stage, or focus it and press ← or →.</span>
        ) : (
          <span className="text-sm text-muted" data-read-only="">
            Your role in {locationName} lets you look at the board, not change it.
          </span>
        )}
        {canEdit && !creating && (
          <button type="button" className={`${buttonClass} ml-auto`} onClick={() => setCreating(true)}>
            New opportunity
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className={errorTextClass}>
          {error}
        </p>
      )}
      {moveError && (
        <div className="flex flex-wrap items-center gap-3">
          <p role="alert" data-move-error="" className={errorTextClass}>
            {moveError}
          </p>
          <button type="button" className={buttonClass} onClick={() => setReloads((n) => n + 1)}>
            Reload the board
          </button>
        </div>
      )}
      {notice && (
        <p role="status" className="text-sm">
          {notice}
        </p>
      )}
      {creating && (
        <div className={`${cardClass} max-w-2xl p-4`}>
          <OpportunityForm
            locationId={locationId}
            pipelines={pipelines}
            pipelineId={current.id}
            onCancel={() => setCreating(false)}
            onCreated={(created) => {
              setCreating(false);
              setNotice(`Created ${created.name}.`);
              if (created.pipelineId === current.id) {
                setBoard((b) => b && addCard(b, created));
                refreshFigures();
              } else {
                onPipelineChange(created.pipelineId);
              }
            }}
          />
        </div>
      )}
      {!board && !error && <p className="text-sm text-muted">Loading the board…</p>}
      {board && (
        <div role="group" aria-label={`${board.name} board`} className="flex min-h-0 flex-1 items-start gap-3 overflow-x-auto pb-2">
          {board.stages.map((stage) => (
            <BoardColumn
              key={stage.id}
              stage={stage}
              canMove={canEdit}
              draggingId={draggingId}
              loadingMore={loadingMore === stage.id}
              focusId={focusId}
              onFocused={() => setFocusId(null)}
              onDragStart={setDraggingId}
              onDragEnd={() => setDraggingId(null)}
              onDrop={(id, stageId) => {
                setDraggingId(null);
                void move(id, stageId);
              }}
              onStep={step}
              onLoadMore={() => void loadMore(stage.id)}
              contactHref={props.contactHref}
              onOpenContact={props.onOpenContact}
            />
          ))}
        </div>
      )}
    </div>
  );
}
