import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError } from '../api/client';
import type { AgencyUser, Invitation, Location, Theme } from '../api/types';
import { FieldMessages, fieldProps, FormAlert, formErrors, NO_ERRORS, type FormErrors } from './FormErrors';
import { describeRoles, NO_ROLES, RoleFields, rolePointers, rolesBody, type RolesValue } from './RoleFields';

export interface AgencyViewProps {
  agencyId: string;
  /** The caller's user id: they cannot disable themselves. */
  selfId: string;
  /** The agency's locations (the role fields list them). */
  locations: readonly Location[];
  /** `agency.users`: users and invitations. */
  manageUsers: boolean;
  /** `agency.theme`: the agency's theme. */
  agencyTheme: { themes: Theme[]; themeId: string; busy: boolean; onChange: (themeId: string) => void } | null;
}

const inputClass = 'block w-full rounded-theme border border-border bg-background px-3 py-2 text-text aria-invalid:border-primary';
const buttonClass = 'rounded-theme border border-border px-3 py-1 text-sm hover:border-primary disabled:opacity-60';
const primaryClass =
  'rounded-theme bg-primary px-4 py-2 font-medium text-primary-contrast hover:opacity-90 disabled:opacity-60';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The agency: its theme, its users and their roles, and invitations. */
export function AgencyView({ agencyId, selfId, locations, manageUsers, agencyTheme }: AgencyViewProps) {
  const [users, setUsers] = useState<AgencyUser[] | null>(null);
  const [invitations, setInvitations] = useState<Invitation[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    if (!manageUsers) return;
    try {
      const [u, i] = await Promise.all([api.listUsers(agencyId), api.listInvitations(agencyId)]);
      setUsers(u);
      setInvitations(i);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) setError(`Could not load users: ${message(e)}`);
    }
  }, [agencyId, manageUsers]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <div className="mx-auto max-w-3xl space-y-8 p-6">
      {error && (
        <p role="alert" className="rounded-theme border border-primary px-3 py-2 text-sm">
          {error}
        </p>
      )}
      {agencyTheme && (
        <Section id="agency-theme-title" title="Agency theme">
          <p className="text-sm text-muted">What every user of the agency sees, unless they chose a theme of their own.</p>
          <select
            aria-label="Agency theme"
            value={agencyTheme.themeId}
            disabled={agencyTheme.busy}
            onChange={(e) => agencyTheme.onChange(e.target.value)}
            className="rounded-theme border border-border bg-surface px-2 py-1 text-sm text-text"
          >
            {(agencyTheme.themes.some((t) => t.id === agencyTheme.themeId)
              ? agencyTheme.themes
              : [{ id: agencyTheme.themeId, name: agencyTheme.themeId }, ...agencyTheme.themes]
            ).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Section>
      )}
      {manageUsers && (
        <>
          <Section id="users-title" title="Users">
            <UserList users={users} selfId={selfId} agencyId={agencyId} locations={locations} onChanged={refresh} />
          </Section>
          <NewUserForm agencyId={agencyId} locations={locations} onCreated={refresh} />
          <InviteForm agencyId={agencyId} locations={locations} onInvited={refresh} />
          <Section id="invitations-title" title="Invitations">
            <InvitationList invitations={invitations} agencyId={agencyId} locations={locations} onChanged={refresh} />
          </Section>
        </>
      )}
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

interface UserListProps {
  users: AgencyUser[] | null;
  selfId: string;
  agencyId: string;
  locations: readonly Location[];
  onChanged: () => Promise<void>;
}

function UserList({ users, selfId, agencyId, locations, onChanged }: UserListProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function disable(user: AgencyUser) {
    setErrors((e) => ({ ...e, [user.id]: '' }));
    try {
      await api.disableUser(agencyId, user.id);
      await onChanged();
    } catch (e) {
      setErrors((all) => ({ ...all, [user.id]: message(e) }));
    }
  }

  if (users === null) return <p className="text-sm text-muted">Loading…</p>;
  return (
    <ul aria-label="Users" className="divide-y divide-border rounded-theme border border-border bg-surface">
      {users.map((user) => (
        <li key={user.id} className="space-y-2 px-4 py-2" data-email={user.email}>
          <div className="flex items-center gap-3">
            <div className="min-w-0 flex-1">
              <p className="truncate">
                {user.email}
                {user.id === selfId && <span className="ml-2 text-xs text-muted">(you)</span>}
                {user.disabled && <span className="ml-2 text-xs text-muted">Disabled</span>}
              </p>
              <p className="truncate text-sm text-muted">{describeRoles(user.agencyRole, user.locationRoles, locations)}</p>
            </div>
            {!user.disabled && (
              <>
                <button
                  type="button"
                  className={buttonClass}
                  aria-label={`Change roles of ${user.email}`}
                  onClick={() => setEditing(editing === user.id ? null : user.id)}
                >
                  Roles
                </button>
                {user.id !== selfId && (
                  <button
                    type="button"
                    className={buttonClass}
                    aria-label={`Disable ${user.email}`}
                    onClick={() => void disable(user)}
                  >
                    Disable
                  </button>
                )}
              </>
            )}
          </div>
          {errors[user.id] && (
            <p role="alert" className="text-sm font-medium text-primary">
              {errors[user.id]}
            </p>
          )}
          {editing === user.id && (
            <RoleChangeForm
              user={user}
              agencyId={agencyId}
              locations={locations}
              onDone={async () => {
                setEditing(null);
                await onChanged();
              }}
              onCancel={() => setEditing(null)}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

interface RoleChangeFormProps {
  user: AgencyUser;
  agencyId: string;
  locations: readonly Location[];
  onDone: () => Promise<void>;
  onCancel: () => void;
}

function RoleChangeForm({ user, agencyId, locations, onDone, onCancel }: RoleChangeFormProps) {
  const [roles, setRoles] = useState<RolesValue>({ agencyRole: user.agencyRole ?? null, locationRoles: user.locationRoles });
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const body = rolesBody(roles);
      await api.changeUserRoles(agencyId, user.id, { agencyRole: body.agencyRole, locationRoles: body.locationRoles });
      await onDone();
    } catch (e) {
      setErrors(formErrors(e, rolePointers(locations)));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label={`Roles of ${user.email}`} className="space-y-3 pt-1" noValidate>
      <FormAlert errors={errors} />
      <RoleFields idPrefix={`roles-${user.id}`} value={roles} onChange={setRoles} locations={locations} errors={errors} />
      <div className="flex gap-2">
        <button type="submit" disabled={busy} className={primaryClass}>
          Save roles
        </button>
        <button type="button" onClick={onCancel} className={buttonClass}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function NewUserForm({ agencyId, locations, onCreated }: { agencyId: string; locations: readonly Location[]; onCreated: () => Promise<void> }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<RolesValue>(NO_ROLES);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [created, setCreated] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    setCreated(null);
    try {
      const user = await api.createUser(agencyId, { email: email.trim(), password, ...rolesBody(roles) });
      setEmail('');
      setPassword('');
      setRoles(NO_ROLES);
      setCreated(`Created ${user.email}`);
      await onCreated();
    } catch (e) {
      setErrors(formErrors(e, ['/email', '/password', ...rolePointers(locations)]));
    } finally {
      setBusy(false);
    }
  }

  // No client-side rules: the server's answer says what is wrong, next to the field.
  return (
    <form onSubmit={submit} aria-labelledby="new-user-title" className="space-y-3" noValidate>
      <h2 id="new-user-title" className="text-lg font-semibold">
        New user
      </h2>
      <p className="text-sm text-muted">With a password you hand on to them.</p>
      <FormAlert errors={errors} />
      <TextField label="Email" name="email" type="email" value={email} onChange={setEmail} errors={errors} idPrefix="new-user" />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        errors={errors}
        idPrefix="new-user"
      />
      <RoleFields idPrefix="new-user" value={roles} onChange={setRoles} locations={locations} errors={errors} />
      <div className="flex items-center gap-3">
        <button type="submit" disabled={busy} className={primaryClass}>
          Create user
        </button>
        <p role="status" className="text-sm text-muted">
          {created}
        </p>
      </div>
    </form>
  );
}

function InviteForm({ agencyId, locations, onInvited }: { agencyId: string; locations: readonly Location[]; onInvited: () => Promise<void> }) {
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<RolesValue>(NO_ROLES);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);
  const [copied, setCopied] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    setLink(null);
    setCopied(false);
    try {
      const invitation = await api.invite(agencyId, { email: email.trim(), ...rolesBody(roles) });
      if (invitation.acceptPath) {
        setLink({ email: invitation.email, url: new URL(invitation.acceptPath, window.location.origin).toString() });
      }
      setEmail('');
      setRoles(NO_ROLES);
      await onInvited();
    } catch (e) {
      setErrors(formErrors(e, ['/email', ...rolePointers(locations)]));
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied(true);
    } catch {
      setCopied(false); // no clipboard (plain http): the link is selectable
    }
  }

  return (
    <form onSubmit={submit} aria-labelledby="invite-title" className="space-y-3" noValidate>
      <h2 id="invite-title" className="text-lg font-semibold">
        Invite someone
      </h2>
      <p className="text-sm text-muted">They choose their own password from a link, valid for 7 days.</p>
      <FormAlert errors={errors} />
      <TextField label="Email" name="email" type="email" value={email} onChange={setEmail} errors={errors} idPrefix="invite" />
      <RoleFields idPrefix="invite" value={roles} onChange={setRoles} locations={locations} errors={errors} />
      <button type="submit" disabled={busy} className={primaryClass}>
        Create invitation
      </button>
      {link && (
        <div role="status" className="space-y-2 rounded-theme border border-primary bg-surface p-3 text-sm">
          <p>
            Send this link to {link.email}. It is shown only now: copy it before you leave this page.
          </p>
          <div className="flex gap-2">
            <input
              readOnly
              aria-label="Invitation link"
              value={link.url}
              onFocus={(e) => e.target.select()}
              className={inputClass}
            />
            <button type="button" onClick={() => void copy()} className={buttonClass}>
              {copied ? 'Copied' : 'Copy'}
            </button>
          </div>
        </div>
      )}
    </form>
  );
}

interface InvitationListProps {
  invitations: Invitation[] | null;
  agencyId: string;
  locations: readonly Location[];
  onChanged: () => Promise<void>;
}

const STATUS_LABELS: Record<string, string> = {
  PENDING: 'Pending',
  ACCEPTED: 'Accepted',
  REVOKED: 'Revoked',
  EXPIRED: 'Expired',
};

function InvitationList({ invitations, agencyId, locations, onChanged }: InvitationListProps) {
  const [error, setError] = useState<string | null>(null);

  async function revoke(invitation: Invitation) {
    setError(null);
    try {
      await api.revokeInvitation(agencyId, invitation.id);
      await onChanged();
    } catch (e) {
      setError(`Could not revoke the invitation of ${invitation.email}: ${message(e)}`);
    }
  }

  if (invitations === null) return <p className="text-sm text-muted">Loading…</p>;
  if (invitations.length === 0) return <p className="text-sm text-muted">No invitations yet.</p>;
  return (
    <>
      {error && (
        <p role="alert" className="text-sm font-medium text-primary">
          {error}
        </p>
      )}
      <ul aria-label="Invitations" className="divide-y divide-border rounded-theme border border-border bg-surface">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="flex items-center gap-3 px-4 py-2" data-email={invitation.email}>
            <div className="min-w-0 flex-1">
              <p className="truncate">{invitation.email}</p>
              <p className="truncate text-sm text-muted">
                {describeRoles(invitation.agencyRole, invitation.locationRoles, locations)}
                {invitation.status === 'PENDING' && ` · expires ${new Date(invitation.expiresAt).toLocaleDateString()}`}
              </p>
            </div>
            <span data-status={invitation.status} className="text-xs text-muted">
              {STATUS_LABELS[invitation.status] ?? invitation.status}
            </span>
            {invitation.status === 'PENDING' && (
              <button
                type="button"
                className={buttonClass}
                aria-label={`Revoke the invitation of ${invitation.email}`}
                onClick={() => void revoke(invitation)}
              >
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

interface TextFieldProps {
  label: string;
  name: string;
  type: string;
  autoComplete?: string;
  value: string;
  onChange: (value: string) => void;
  errors: FormErrors;
  /** Unique per form: the id of the field's error message. */
  idPrefix: string;
}

/** A labelled input with the server's errors for `/<name>` under it. */
function TextField({ label, name, type, autoComplete, value, onChange, errors, idPrefix }: TextFieldProps) {
  const pointer = `/${name}`;
  const errorId = `${idPrefix}-${name}-error`;
  return (
    <div className="space-y-1">
      <label className="block space-y-1">
        <span className="text-sm font-medium">{label}</span>
        <input
          name={name}
          type={type}
          autoComplete={autoComplete}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          {...fieldProps(errors, pointer, errorId)}
          className={inputClass}
        />
      </label>
      <FieldMessages errors={errors} pointer={pointer} id={errorId} />
    </div>
  );
}
