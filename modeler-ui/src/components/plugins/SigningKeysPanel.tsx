import { useState } from 'react';
import { trustApi } from '../../api/trust';
import type { SigningKey } from '../../api/types';
import { ConfirmDialog } from '../ConfirmDialog';
import { formatDate, formatDateTime } from '../crm/contactFormat';
import { buttonClass, cardClass } from '../ui';
import { SigningKeyForm } from './SigningKeyForm';

export interface SigningKeysPanelProps {
  /** The trusted certificates, oldest first; null while loading. */
  keys: SigningKey[] | null;
  /** Who added a key, in words ("you", an email), or undefined when the console cannot tell. */
  addedBy: (userId: string) => string | undefined;
  /** After a key was added or removed: `text` says which; the list is read again. */
  onChanged: (text: string) => void;
}

/** The certificates the operator trusts to sign plugins: who they name, their fingerprints, when added; add and remove them. */
export function SigningKeysPanel({ keys, addedBy, onChanged }: SigningKeysPanelProps) {
  const [removing, setRemoving] = useState<SigningKey | null>(null);

  return (
    <section aria-labelledby="signing-keys-title" className="space-y-3">
      <h3 id="signing-keys-title" className="font-semibold">
        Signing keys
      </h3>
      <p className="text-sm text-muted">
        A plugin installs only if one of these certificates signed it. Removing one refuses new uploads signed with it;
        installed plugins keep running.
      </p>
      <div className={`${cardClass} overflow-x-auto`}>
        <table aria-label="Signing keys" aria-busy={keys === null} className="w-full text-sm">
          <thead className="border-b border-border text-left text-muted">
            <tr>
              <th className="px-3 py-2 font-medium">Name and subject</th>
              <th className="px-3 py-2 font-medium">SHA-256 fingerprint</th>
              <th className="px-3 py-2 font-medium">Valid until</th>
              <th className="px-3 py-2 font-medium">Added</th>
              <th className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {keys?.map((key) => {
              const by = key.addedBy ? addedBy(key.addedBy) : undefined;
              return (
                <tr key={key.id} data-key-id={key.id} data-fingerprint={key.fingerprint} className="align-top">
                  <td className="px-3 py-2">
                    <p className="font-medium" data-column="name">
                      {key.name}
                    </p>
                    <p className="text-xs break-all text-muted" data-column="subject">
                      {key.subject}
                    </p>
                    {key.issuer !== key.subject && <p className="text-xs break-all text-muted">issued by {key.issuer}</p>}
                  </td>
                  <td className="max-w-64 px-3 py-2 font-mono text-xs break-all" data-column="fingerprint">
                    {key.fingerprint}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap" data-expired={String(key.expired)}>
                    {formatDate(key.notAfter)}
                    {key.expired && <span className="block text-xs text-muted">expired (still accepted)</span>}
                  </td>
                  <td className="px-3 py-2" data-column="added">
                    {formatDateTime(key.addedAt)}
                    {by && <span className="block text-xs text-muted">by {by}</span>}
                  </td>
                  <td className="px-3 py-2 text-right">
                    <button
                      type="button"
                      className={buttonClass}
                      aria-label={`Remove signing key ${key.name}`}
                      onClick={() => setRemoving(key)}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {keys === null && <p className="p-4 text-sm text-muted">Loading…</p>}
        {keys?.length === 0 && (
          <p className="p-4 text-sm text-muted">No key is trusted: no signed plugin can be installed.</p>
        )}
      </div>
      <div className={`${cardClass} p-4`}>
        <SigningKeyForm onAdded={(key) => onChanged(`Trusted the signing key ${key.name}.`)} />
      </div>
      {removing && (
        <ConfirmDialog
          title={`Remove the signing key ${removing.name}?`}
          confirmLabel="Remove key"
          onConfirm={async () => {
            await trustApi.removeSigningKey(removing.id);
            setRemoving(null);
            onChanged(`Removed the signing key ${removing.name}.`);
          }}
          onCancel={() => setRemoving(null)}
        >
          <p>
            Uploads signed with {removing.subject} (SHA-256 {removing.fingerprint}) are refused from now on. Plugins
            installed with it keep running; their next version needs a trusted key.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
