import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { crmApi } from '../../api/crm';
import { segmentsApi } from '../../api/segments';
import type { Contact, FieldError, Pipeline, Segment, SegmentConditions, Workflow } from '../../api/types';
import { useDebounced } from '../../useDebounced';
import { displayName } from '../crm/contactFormat';
import type { LocationUser } from '../crm/locationUsers';
import { FieldMessages, fieldProps, FormAlert, formErrors, NO_ERRORS, type FormErrors } from '../FormErrors';
import { buttonClass, cardClass, errorTextClass, inputClass, message, primaryClass, textButtonClass } from '../ui';
import type { BuilderChoices } from './ConditionRow';
import { FilterGroupEditor, type TreeEdits } from './FilterGroupEditor';
import {
  addChild,
  FILTER_POINTER,
  newGroup,
  parseFilter,
  placeErrors,
  removeNode,
  toFilter,
  updateNode,
  type GroupNode,
} from './filterModel';

export interface SegmentBuilderProps {
  locationId: string;
  /** The segment to change; null: a new one. */
  segmentId: string | null;
  /** `location.contacts`: save. Without it the filter shows read-only, with its live count. */
  canEdit: boolean;
  users: readonly LocationUser[];
  contactHref: (contactId: string) => string;
  onOpenContact: (contactId: string) => void;
  onSaved: (segment: Segment) => void;
  onCancel: () => void;
}

/** How long the filter must stay unchanged before it is counted. */
const PREVIEW_DELAY_MS = 400;

interface Preview {
  /** The filter (its JSON) that `count` and `contacts` are of. */
  filter?: string;
  count?: number;
  contacts?: Contact[];
  busy: boolean;
  /** Why the last count failed (not a problem of the filter's parts: those go to their rows). */
  error?: string;
}

/** The errors of the filter the server last refused, and that filter's JSON (they are shown while it is unchanged). */
interface FilterErrors {
  filter: string;
  errors: FieldError[];
}

const isFilterError = (e: FieldError) =>
  e.pointer === FILTER_POINTER || (e.pointer?.startsWith(`${FILTER_POINTER}/`) ?? false);

/**
 * A segment's name, description and filter as a form of groups and rows, with a live count: each
 * change, once the typing pauses, previews the filter (`POST …/segments/preview`) and shows the count
 * and the first contacts, or each problem next to the row its pointer names. Save creates or changes
 * the segment.
 */
export function SegmentBuilder(props: SegmentBuilderProps) {
  const { locationId, segmentId, canEdit, users, contactHref, onOpenContact, onSaved, onCancel } = props;
  const id = useId();
  const [segment, setSegment] = useState<Segment | null>(null);
  const [loaded, setLoaded] = useState(segmentId === null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [root, setRoot] = useState<GroupNode>(() => newGroup('all'));
  const [conditions, setConditions] = useState<SegmentConditions | null>(null);
  const [pipelines, setPipelines] = useState<Pipeline[]>([]);
  const [workflows, setWorkflows] = useState<Workflow[]>([]);
  const [catalogError, setCatalogError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview>({ busy: false });
  const [filterErrors, setFilterErrors] = useState<FilterErrors | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  const latest = useRef(0);
  const readOnly = !canEdit;

  // The segment to edit.
  useEffect(() => {
    if (segmentId === null) return;
    let cancelled = false;
    segmentsApi
      .get(locationId, segmentId)
      .then((s) => {
        if (cancelled) return;
        setSegment(s);
        setName(s.name);
        setDescription(s.description ?? '');
        setRoot(parseFilter(s.filter));
        setLoaded(true);
      })
      .catch((e: unknown) => cancelled || setLoadError(`Could not load the segment: ${message(e)}`));
    return () => {
      cancelled = true;
    };
  }, [locationId, segmentId]);

  // What the rows choose from; the builder works without pipelines or workflows.
  useEffect(() => {
    let cancelled = false;
    segmentsApi
      .conditions(locationId)
      .then((c) => cancelled || setConditions(c))
      .catch((e: unknown) => cancelled || setCatalogError(`Could not load the conditions: ${message(e)}`));
    crmApi
      .listPipelines(locationId)
      .then((p) => cancelled || setPipelines(p))
      .catch(() => undefined);
    api
      .listWorkflows(locationId)
      .then((w) => cancelled || setWorkflows(w))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [locationId]);

  const filter = useMemo(() => toFilter(root), [root]);
  const filterText = useMemo(() => JSON.stringify(filter), [filter]);
  const settled = useDebounced(filterText, PREVIEW_DELAY_MS);

  // The live count: the filter previewed once it has stayed as it is for the delay (not the empty one
  // a segment being loaded starts with); only the latest answer counts.
  useEffect(() => {
    if (!loaded || settled !== filterText) return;
    const request = ++latest.current;
    setPreview((p) => ({ ...p, busy: true, error: undefined }));
    segmentsApi
      .preview(locationId, JSON.parse(settled) as Record<string, unknown>)
      .then((result) => {
        if (request !== latest.current) return;
        setPreview({ filter: settled, count: result.count, contacts: result.contacts, busy: false });
        setFilterErrors(null);
      })
      .catch((e: unknown) => {
        if (request !== latest.current || (e instanceof ApiError && e.status === 401)) return;
        const pointed = e instanceof ApiError ? e.errors.filter(isFilterError) : [];
        if (pointed.length > 0) {
          setFilterErrors({ filter: settled, errors: pointed });
          setPreview((p) => ({
            ...p,
            busy: false,
            error: 'Not counted: the filter has problems, shown next to their conditions.',
          }));
        } else {
          setPreview((p) => ({ ...p, busy: false, error: `Could not count: ${message(e)}` }));
        }
      });
  }, [locationId, settled, filterText, loaded]);

  const edits: TreeEdits = useMemo(
    () => ({
      replace: (key, node) => setRoot((r) => updateNode(r, key, () => node)),
      remove: (key) => setRoot((r) => removeNode(r, key)),
      add: (groupKey, child) => setRoot((r) => addChild(r, groupKey, child)),
    }),
    [],
  );

  // The refused filter's errors, while it is the one shown.
  const placed = useMemo(
    () => placeErrors(filterErrors && filterErrors.filter === filterText ? filterErrors.errors : [], root),
    [filterErrors, filterText, root],
  );

  const choices: BuilderChoices = useMemo(
    () => ({ conditions, pipelines, workflows, users }),
    [conditions, pipelines, workflows, users],
  );

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (readOnly) return;
    setSaving(true);
    setErrors(NO_ERRORS);
    const text = description.trim();
    try {
      const saved = segment
        ? await segmentsApi.update(locationId, segment.id, { name, description: text ? description : null, filter })
        : await segmentsApi.create(locationId, { name, ...(text ? { description } : {}), filter });
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError) {
        // the filter's errors go to their conditions; the detail, which lists them all, gives way to a pointer there
        const pointed = e.errors.filter(isFilterError);
        const rest = e.errors.filter((x) => !isFilterError(x));
        if (pointed.length > 0) setFilterErrors({ filter: filterText, errors: pointed });
        const detail =
          pointed.length > 0
            ? `Not saved: ${rest.length > 0 ? 'see the fields marked, and ' : ''}the filter has problems, shown at their conditions.`
            : e.problem.detail;
        setErrors(
          formErrors(new ApiError(e.status, { ...e.problem, detail, errors: rest }), ['/name', '/description']),
        );
      } else {
        setErrors(formErrors(e, []));
      }
    } finally {
      setSaving(false);
    }
  }

  const open = useCallback(
    (event: MouseEvent<HTMLAnchorElement>, contactId: string) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      onOpenContact(contactId);
    },
    [onOpenContact],
  );

  if (loadError) {
    return (
      <div className="space-y-3 p-6">
        <p role="alert" className={errorTextClass}>
          {loadError}
        </p>
        <button type="button" className={buttonClass} onClick={onCancel}>
          Back
        </button>
      </div>
    );
  }
  if (!loaded) return <p className="p-6 text-muted">Loading…</p>;

  const errorId = (member: string) => `${id}-${member}-error`;
  const title = segment ? (readOnly ? segment.name : `Edit ${segment.name}`) : 'New segment';
  return (
    <form
      onSubmit={save}
      aria-label={title}
      data-form="segment"
      className="grid gap-6 p-6 lg:grid-cols-[minmax(0,1fr)_20rem]"
      noValidate
    >
      <div className="min-w-0 space-y-4">
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="mr-auto text-lg font-semibold">{title}</h2>
          {!readOnly && (
            <button type="submit" className={primaryClass} disabled={saving}>
              {saving ? 'Saving…' : 'Save segment'}
            </button>
          )}
          <button type="button" className={buttonClass} onClick={onCancel} disabled={saving}>
            {readOnly ? 'Back' : 'Cancel'}
          </button>
        </div>
        {readOnly && (
          <p className="text-sm text-muted">Your role lets you see this segment and count it, not change it.</p>
        )}
        <FormAlert errors={errors} />
        {catalogError && (
          <p role="alert" className={errorTextClass}>
            {catalogError}
          </p>
        )}
        <fieldset disabled={readOnly} className="space-y-4">
          <div className="grid gap-3 sm:grid-cols-2">
            <div className="space-y-1">
              <label className="block space-y-1">
                <span className="text-sm font-medium">Name</span>
                <input
                  name="name"
                  value={name}
                  maxLength={100}
                  autoComplete="off"
                  onChange={(e) => setName(e.target.value)}
                  {...fieldProps(errors, '/name', errorId('name'))}
                  className={inputClass}
                />
              </label>
              <FieldMessages errors={errors} pointer="/name" id={errorId('name')} />
            </div>
            <div className="space-y-1">
              <label className="block space-y-1">
                <span className="text-sm font-medium">Description</span>
                <input
                  name="description"
                  value={description}
                  maxLength={1000}
                  autoComplete="off"
                  onChange={(e) => setDescription(e.target.value)}
                  {...fieldProps(errors, '/description', errorId('description'))}
                  className={inputClass}
                />
              </label>
              <FieldMessages errors={errors} pointer="/description" id={errorId('description')} />
            </div>
          </div>
          {placed.other.length > 0 && (
            <ul role="alert" className="list-disc rounded-theme border border-primary py-2 pl-8 pr-3 text-sm">
              {placed.other.map((e) => (
                <li key={`${e.pointer}:${e.detail}`} data-pointer={e.pointer}>
                  {e.detail}
                </li>
              ))}
            </ul>
          )}
          <div className={`${cardClass} p-4`}>
            <FilterGroupEditor
              group={root}
              pointer={FILTER_POINTER}
              depth={1}
              choices={choices}
              errors={placed.byKey}
              readOnly={readOnly}
              edits={edits}
            />
          </div>
        </fieldset>
      </div>
      <LivePreview preview={preview} current={preview.filter === filterText} contactHref={contactHref} onOpen={open} />
    </form>
  );
}

interface LivePreviewProps {
  preview: Preview;
  /** Whether the preview is of the filter as it is now (not while an edit waits to be counted). */
  current: boolean;
  contactHref: (contactId: string) => string;
  onOpen: (event: MouseEvent<HTMLAnchorElement>, contactId: string) => void;
}

/**
 * The filter's count and its first contacts. Until the filter as it is now is counted, the last count
 * stays, dimmed and marked stale (`data-stale`).
 */
function LivePreview({ preview, current, contactHref, onOpen }: LivePreviewProps) {
  const { count, contacts, busy, error } = preview;
  const stale = error !== undefined || busy || !current;
  const status =
    error !== undefined
      ? ''
      : stale
        ? 'Counting…'
        : count === undefined
          ? ''
          : count === 1
            ? 'contact matches now'
            : 'contacts match now';
  return (
    <aside aria-label="Live count" aria-busy={stale} className={`${cardClass} h-fit space-y-3 p-4 lg:sticky lg:top-4`}>
      <h3 className="font-semibold">Matching contacts</h3>
      <p
        className={`text-3xl font-semibold ${stale ? 'opacity-60' : ''}`}
        data-role="live-count"
        data-count={count ?? ''}
        data-stale={stale || undefined}
      >
        {count === undefined ? '…' : count.toLocaleString()}
      </p>
      <p className="text-sm text-muted" aria-live="polite">
        {status}
      </p>
      {error && <p className={errorTextClass}>{error}</p>}
      {contacts && contacts.length > 0 && (
        <div className={`space-y-1 ${stale ? 'opacity-60' : ''}`}>
          <p className="text-sm font-medium">
            {count !== undefined && count > contacts.length ? `The first ${contacts.length}` : 'All of them'}
          </p>
          <ul className="space-y-0.5 text-sm" aria-label="First matching contacts">
            {contacts.map((c) => (
              <li key={c.id} data-contact-id={c.id}>
                <a href={contactHref(c.id)} onClick={(e) => onOpen(e, c.id)} className={textButtonClass}>
                  {displayName(c)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </aside>
  );
}
