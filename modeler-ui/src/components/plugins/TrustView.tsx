import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { pluginsApi } from '../../api/plugins';
import { trustApi } from '../../api/trust';
import type { Plugin, SigningKey, TrustedPlugin } from '../../api/types';
import { errorTextClass, message } from '../ui';
import { SigningKeysPanel } from './SigningKeysPanel';
import { TrustedPluginsPanel } from './TrustedPluginsPanel';

export interface TrustViewProps {
  selfId: string;
  /** The agency whose users may have added keys; null: the user may not list users (`agency.users`), so none are named. */
  usersOf: string | null;
}

interface Loaded {
  keys: SigningKey[];
  trusted: TrustedPlugin[];
  plugins: Plugin[];
}

/**
 * The platform operator's plugin trust (`platform.plugins`, docs/security.md "Plugin trust"): the
 * certificates trusted to sign plugins, and the plugins whose code is trusted despite forbidden calls.
 */
export function TrustView({ selfId, usersOf }: TrustViewProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [emails, setEmails] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let cancelled = false;
    Promise.all([trustApi.listSigningKeys(), trustApi.listTrustedPlugins(), pluginsApi.listPlugins()])
      .then(([keys, trusted, plugins]) => {
        if (!cancelled) setLoaded({ keys, trusted, plugins });
      })
      .catch((e: unknown) => {
        if (!cancelled && !(e instanceof ApiError && e.status === 401)) setError(`Could not load the trust settings: ${message(e)}`);
      });
    return () => {
      cancelled = true;
    };
  }, [reloads]);

  // Names who added a key, where the user may list the agency's users (an operator of another agency stays unnamed).
  useEffect(() => {
    if (!usersOf) return;
    let cancelled = false;
    api
      .listUsers(usersOf)
      .then((users) => {
        if (!cancelled) setEmails(Object.fromEntries(users.map((u) => [u.id, u.email])));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [usersOf]);

  const who = (userId: string) => (userId === selfId ? 'you' : emails[userId]);

  function changed(text: string) {
    setNotice(text);
    setError(null);
    setReloads((n) => n + 1);
  }

  return (
    <div className="mx-auto max-w-6xl space-y-8 p-6">
      <div className="space-y-2">
        <h2 className="text-lg font-semibold">Plugin trust</h2>
        <p className="text-sm text-muted">
          Plugin code runs inside the platform, where no sandbox holds it. A plugin installs only when a key trusted here
          signed it, and when its code makes none of the calls the platform forbids or its code is trusted here.
        </p>
        {notice && (
          <p role="status" className="text-sm">
            {notice}
          </p>
        )}
        {error && (
          <p role="alert" className={errorTextClass}>
            {error}
          </p>
        )}
      </div>
      <SigningKeysPanel keys={loaded?.keys ?? null} addedBy={who} onChanged={changed} />
      <TrustedPluginsPanel
        trusted={loaded?.trusted ?? null}
        plugins={loaded?.plugins ?? []}
        trustedBy={who}
        onChanged={changed}
      />
    </div>
  );
}
