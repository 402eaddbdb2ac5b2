import { useState } from 'react';
import { trustApi } from '../../api/trust';
import type { Plugin, TrustedPlugin } from '../../api/types';
import { ConfirmDialog } from '../ConfirmDialog';
import { formatDateTime } from '../crm/contactFormat';
import { buttonClass, cardClass } from '../ui';
import { TrustCodeForm } from './TrustCodeForm';
import { forbiddenCalls } from './trustRules';

export interface TrustedPluginsPanelProps {
  /** The plugins whose code is trusted; null while loading. */
  trusted: TrustedPlugin[] | null;
  /** The installed plugins, to name the trusted ones and say what their code was found to call. */
  plugins: readonly Plugin[];
  /** Who trusted a plugin, in words, or undefined when the console cannot tell. */
  trustedBy: (userId: string) => string | undefined;
  /** After a trust was given or withdrawn: `text` says which; the list is read again. */
  onChanged: (text: string) => void;
}

/** The plugins whose code the operator trusts although the verifier forbids some of its calls; trust one, withdraw a trust. */
export function TrustedPluginsPanel({ trusted, plugins, trustedBy, onChanged }: TrustedPluginsPanelProps) {
  const [withdrawing, setWithdrawing] = useState<TrustedPlugin | null>(null);
  const installed = (pluginId: string) => plugins.find((p) => p.id === pluginId);
  const label = (pluginId: string) => installed(pluginId)?.name ?? pluginId;

  return (
    <section aria-labelledby="trusted-plugins-title" className="space-y-3">
      <h3 id="trusted-plugins-title" className="font-semibold">
        Plugins whose code is trusted
      </h3>
      <p className="text-sm text-muted">
        The bytecode verifier refuses plugins whose code stops the JVM, starts processes, uses files directly or
        reaches into the host&apos;s classes. The plugins listed here are let in all the same; what their code was found
        to call is listed with each on the Plugins page.
      </p>
      <div className={`${cardClass} overflow-x-auto`}>
        <table aria-label="Trusted plugins" aria-busy={trusted === null} className="w-full text-sm">
          <thead className="border-b border-border text-left text-muted">
            <tr>
              <th className="px-3 py-2 font-medium">Plugin</th>
              <th className="px-3 py-2 font-medium">Installed version</th>
              <th className="px-3 py-2 font-medium">Trusted</th>
              <th className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {trusted?.map((entry) => {
              const plugin = installed(entry.pluginId);
              const by = entry.trustedBy ? trustedBy(entry.trustedBy) : undefined;
              return (
                <tr key={entry.pluginId} data-trusted-plugin={entry.pluginId} className="align-top">
                  <td className="px-3 py-2">
                    <p className="font-medium">{plugin?.name ?? entry.pluginId}</p>
                    {plugin && <p className="text-xs text-muted">{entry.pluginId}</p>}
                  </td>
                  <td className="px-3 py-2">
                    {plugin ? (
                      <>
                        {plugin.version}
                        {plugin.trust && (
                          <span className="block text-xs text-muted">{forbiddenCalls(plugin.trust.findingCount)} found</span>
                        )}
                      </>
                    ) : (
                      <span className="text-muted">not installed</span>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    {formatDateTime(entry.trustedAt)}
                    {by && <span className="block text-xs text-muted">by {by}</span>}
                  </td>
                  <td className="px-3 py-2 text-right">
                    <button
                      type="button"
                      className={buttonClass}
                      aria-label={`Withdraw the trust in ${label(entry.pluginId)}`}
                      onClick={() => setWithdrawing(entry)}
                    >
                      Withdraw
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {trusted === null && <p className="p-4 text-sm text-muted">Loading…</p>}
        {trusted?.length === 0 && <p className="p-4 text-sm text-muted">No plugin&apos;s code is trusted.</p>}
      </div>
      <div className={`${cardClass} p-4`}>
        <TrustCodeForm
          suggestions={plugins.filter((p) => !trusted?.some((t) => t.pluginId === p.id)).map((p) => p.id)}
          onTrust={async (pluginId) => {
            await trustApi.trustPluginCode(pluginId);
            onChanged(`Trusted the code of ${label(pluginId)}.`);
          }}
        />
      </div>
      {withdrawing && (
        <ConfirmDialog
          title={`Withdraw the trust in ${label(withdrawing.pluginId)}?`}
          confirmLabel="Withdraw trust"
          onConfirm={async () => {
            await trustApi.withdrawPluginCodeTrust(withdrawing.pluginId);
            setWithdrawing(null);
            onChanged(`Withdrew the trust in the code of ${label(withdrawing.pluginId)}.`);
          }}
          onCancel={() => setWithdrawing(null)}
        >
          <p>
            The next upload of {withdrawing.pluginId} is checked again and refused if its code makes forbidden calls.
            The installed version keeps running.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
