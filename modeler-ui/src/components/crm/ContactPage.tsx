import { useCallback, useEffect, useState, type MouseEvent } from 'react';
import { ApiError } from '../../api/client';
import { crmApi } from '../../api/crm';
import type { Contact, ContactMerge, ContactPatch, CustomField, Pipeline } from '../../api/types';
import { ConfirmDialog } from '../ConfirmDialog';
import { errorTextClass, message } from '../ui';
import { ContactFields } from './ContactFields';
import { displayName, describeMoved } from './contactFormat';
import { ContactHeader } from './ContactHeader';
import { ContactTimeline } from './ContactTimeline';
import { CustomFieldGroups } from './CustomFieldGroups';
import type { LocationUsers } from './locationUsers';
import { MergeDuplicate } from './MergeDuplicate';
import { NotesPanel } from './NotesPanel';
import { OpportunitiesPanel } from './OpportunitiesPanel';
import { TasksPanel } from './TasksPanel';

export interface ContactPageProps {
  locationId: string;
  contactId: string;
  /** `location.contacts`: edit fields, tags, merge, delete. */
  canEdit: boolean;
  selfId: string;
  /** Who can be assigned tasks, and the names of authors and assignees. */
  users: LocationUsers;
  /** Back to the list. */
  onBack: () => void;
  backHref: string;
  /** The board of a pipeline (a link). */
  boardHref: (pipelineId: string) => string;
  /** The contact's workflow runs (a link) and opening them in place. */
  runsHref: string;
  onOpenRuns: () => void;
}

/**
 * One contact: header (name, email, phone, tags), the standard fields in groups and the custom fields
 * by their group, all editable in place; merge a duplicate, delete; and, beside them, the activity
 * panels: notes, tasks, opportunities and the timeline, which reads its newest page again whenever
 * one of the others changes something.
 */
export function ContactPage(props: ContactPageProps) {
  const { locationId, contactId, canEdit, selfId, users, onBack, backHref, boardHref } = props;
  const [contact, setContact] = useState<Contact | null>(null);
  const [customFields, setCustomFields] = useState<CustomField[]>([]);
  const [pipelines, setPipelines] = useState<Pipeline[]>([]);
  const [error, setError] = useState<string | null>(null);
  /** Bumped on every change: the timeline reads its newest page again. */
  const [version, setVersion] = useState(0);
  const [merging, setMerging] = useState(false);
  const [merged, setMerged] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  /** Bumped after a merge, which moves the duplicate's notes, tasks and opportunities here: the panels read anew. */
  const [merges, setMerges] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setContact(null);
    setError(null);
    crmApi
      .getContact(locationId, contactId)
      .then((c) => cancelled || setContact(c))
      .catch((e: unknown) => {
        if (!cancelled && !(e instanceof ApiError && e.status === 401)) {
          setError(e instanceof ApiError && e.status === 404 ? 'There is no such contact in this location.' : message(e));
        }
      });
    crmApi
      .listCustomFields(locationId, 'contact')
      .then((fields) => cancelled || setCustomFields(fields))
      .catch(() => cancelled || setCustomFields([]));
    crmApi
      .listPipelines(locationId)
      .then((list) => cancelled || setPipelines(list))
      .catch(() => cancelled || setPipelines([]));
    return () => {
      cancelled = true;
    };
  }, [locationId, contactId]);

  const changed = useCallback((next: Contact) => {
    setContact(next);
    setVersion((v) => v + 1);
  }, []);

  const activity = useCallback(() => setVersion((v) => v + 1), []);

  const patch = useCallback(
    async (change: ContactPatch) => changed(await crmApi.updateContact(locationId, contactId, change)),
    [locationId, contactId, changed],
  );

  const back = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onBack();
  };

  const editable = canEdit && contact?.deletedAt === undefined;
  return (
    <div className="space-y-6 p-6">
      <div className="flex flex-wrap gap-4">
        <a href={backHref} onClick={back} className="text-sm text-muted hover:underline">
          ← Contacts
        </a>
        <a
          href={props.runsHref}
          onClick={(event) => {
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
            event.preventDefault();
            props.onOpenRuns();
          }}
          className="ml-auto text-sm underline"
        >
          Workflow runs
        </a>
      </div>
      {error && (
        <p role="alert" className={errorTextClass}>
          {error}
        </p>
      )}
      {!contact && !error && <p className="text-sm text-muted">Loading…</p>}
      {contact && (
        <>
          <ContactHeader
            contact={contact}
            canEdit={canEdit}
            onAddTag={async (tag) => changed(await crmApi.addTag(locationId, contactId, tag))}
            onRemoveTag={async (tag) => changed(await crmApi.removeTag(locationId, contactId, tag))}
            onMerge={() => {
              setMerged(null);
              setMerging(true);
            }}
            onDelete={() => setConfirmDelete(true)}
            onRestore={async () => changed(await crmApi.restoreContact(locationId, contactId))}
          />
          {merged && (
            <p role="status" className="rounded-theme border border-primary bg-surface px-3 py-2 text-sm" data-merge-result="">
              {merged}
            </p>
          )}
          {merging && editable && (
            <MergeDuplicate
              locationId={locationId}
              contact={contact}
              onClose={() => setMerging(false)}
              onMerged={(merge: ContactMerge, duplicate: Contact) => {
                setMerging(false);
                setMerged(`Merged ${displayName(duplicate)} into ${displayName(contact)}: moved ${describeMoved(merge.moved)}.`);
                setMerges((n) => n + 1);
                crmApi
                  .getContact(locationId, contactId)
                  .then(changed)
                  .catch((e: unknown) => setError(`Merged, but could not reload the contact: ${message(e)}`));
              }}
            />
          )}
          <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <div className="space-y-4">
              <ContactFields contact={contact} canEdit={editable} onPatch={patch} />
              <CustomFieldGroups values={contact.customFields} fields={customFields} canEdit={editable} onPatch={patch} />
            </div>
            <aside aria-label="Activity" className="space-y-4">
              {contact.deletedAt === undefined && (
                <div key={merges} className="space-y-4">
                  <NotesPanel locationId={locationId} contactId={contactId} canEdit={editable} users={users} onChanged={activity} />
                  <TasksPanel
                    locationId={locationId}
                    contactId={contactId}
                    canEdit={editable}
                    selfId={selfId}
                    users={users}
                    onChanged={activity}
                  />
                  <OpportunitiesPanel
                    locationId={locationId}
                    contact={contact}
                    pipelines={pipelines}
                    canEdit={editable}
                    boardHref={boardHref}
                    onChanged={activity}
                  />
                </div>
              )}
              <ContactTimeline
                locationId={locationId}
                contactId={contactId}
                version={version}
                customFields={customFields}
                selfId={selfId}
                pipelines={pipelines}
              />
            </aside>
          </div>
          {confirmDelete && (
            <ConfirmDialog
              title={`Delete ${displayName(contact)}?`}
              confirmLabel="Delete contact"
              onCancel={() => setConfirmDelete(false)}
              onConfirm={async () => {
                await crmApi.deleteContact(locationId, contactId);
                setConfirmDelete(false);
                changed(await crmApi.getContact(locationId, contactId));
              }}
            >
              <p>The contact moves to the trash, where it can be restored for 30 days.</p>
            </ConfirmDialog>
          )}
        </>
      )}
    </div>
  );
}
