import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { FieldMessages, fieldProps, FormAlert, formErrors, NO_ERRORS, type FormErrors } from './FormErrors';

export interface AcceptInvitationFormProps {
  /** Accepts the invitation with this password and signs in; rejects with the server's problem. */
  onAccept: (password: string) => Promise<void>;
  /** Leaves the invitation for the sign-in form. */
  onSignInInstead: () => void;
}

const PASSWORD = '/password';
const PASSWORD_ERROR_ID = 'invitation-password-error';

/** Opened from an invitation link (`/?invitation=<token>`): the invitee chooses a password. */
export function AcceptInvitationForm({ onAccept, onSignInInstead }: AcceptInvitationFormProps) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [gone, setGone] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      await onAccept(password);
    } catch (e) {
      // Unknown, used, revoked and expired invitations all answer 404, on purpose.
      if (e instanceof ApiError && e.status === 404) setGone(true);
      else setErrors(formErrors(e, [PASSWORD]));
      setBusy(false);
    }
  }

  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <form
        onSubmit={submit}
        aria-labelledby="invitation-title"
        className="w-full max-w-sm space-y-5 rounded-theme border border-border bg-surface p-8"
        noValidate
      >
        <div className="space-y-1">
          <h1 id="invitation-title" className="text-xl font-semibold">
            Choose your password
          </h1>
          <p className="text-sm text-muted">You were invited to a Switchboard agency. Choose a password to join it.</p>
        </div>

        {gone ? (
          <p role="alert" className="rounded-theme border border-primary px-3 py-2 text-sm">
            This invitation is no longer valid: it was used, revoked or has expired. Ask whoever invited you for a
            new one.
          </p>
        ) : (
          <>
            <FormAlert errors={errors} />
            <div className="space-y-1">
              <label className="block space-y-1">
                <span className="text-sm font-medium">Password</span>
                <input
                  name="password"
                  type="password"
                  autoComplete="new-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  {...fieldProps(errors, PASSWORD, PASSWORD_ERROR_ID)}
                  className="block w-full rounded-theme border border-border bg-background px-3 py-2 text-text aria-invalid:border-primary"
                />
              </label>
              <FieldMessages errors={errors} pointer={PASSWORD} id={PASSWORD_ERROR_ID} />
            </div>
            <button
              type="submit"
              disabled={busy}
              className="w-full rounded-theme bg-primary px-4 py-2 font-medium text-primary-contrast hover:opacity-90 disabled:opacity-60"
            >
              Join
            </button>
          </>
        )}
        <button type="button" onClick={onSignInInstead} className="text-sm text-muted underline hover:text-text">
          Sign in with an existing account
        </button>
      </form>
    </main>
  );
}
