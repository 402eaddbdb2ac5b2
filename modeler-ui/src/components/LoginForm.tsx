import { useState, type FormEvent } from 'react';
import { FieldMessages, fieldProps, FormAlert, formErrors, hasErrors, NO_ERRORS, type FormErrors } from './FormErrors';

export interface LoginFormProps {
  /** Rejects with an Error (an ApiError: its problem's detail and field errors) shown to the user. */
  onSignIn: (email: string, password: string) => Promise<void>;
  /** A message to show without a failed attempt (e.g. "Your session has expired"). */
  notice?: string | null;
}

export function LoginForm({ onSignIn, notice }: LoginFormProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      await onSignIn(email.trim(), password);
    } catch (e) {
      setErrors(formErrors(e, ['/email', '/password']));
      setBusy(false);
    }
  }

  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <form
        onSubmit={submit}
        aria-labelledby="login-title"
        className="w-full max-w-sm space-y-5 rounded-theme border border-border bg-surface p-8"
      >
        <div className="space-y-1">
          <h1 id="login-title" className="text-xl font-semibold">
            Switchboard
          </h1>
          <p className="text-sm text-muted">Sign in to your agency console.</p>
        </div>

        {notice && !hasErrors(errors) && <p className="text-sm text-muted">{notice}</p>}

        <FormAlert errors={errors} />

        <div className="space-y-1">
          <label className="block space-y-1">
            <span className="text-sm font-medium">Email</span>
            <input
              name="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              {...fieldProps(errors, '/email', 'login-email-error')}
              className="block w-full rounded-theme border border-border bg-background px-3 py-2 text-text aria-invalid:border-primary"
            />
          </label>
          <FieldMessages errors={errors} pointer="/email" id="login-email-error" />
        </div>

        <div className="space-y-1">
          <label className="block space-y-1">
            <span className="text-sm font-medium">Password</span>
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              {...fieldProps(errors, '/password', 'login-password-error')}
              className="block w-full rounded-theme border border-border bg-background px-3 py-2 text-text aria-invalid:border-primary"
            />
          </label>
          <FieldMessages errors={errors} pointer="/password" id="login-password-error" />
        </div>

        <button
          type="submit"
          disabled={busy}
          className="w-full rounded-theme bg-primary px-4 py-2 font-medium text-primary-contrast hover:opacity-90 disabled:opacity-60"
        >
          Sign in
        </button>
      </form>
    </main>
  );
}
