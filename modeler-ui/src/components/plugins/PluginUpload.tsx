import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { pluginsApi } from '../../api/plugins';
import { forbiddenCallsRefusal, trustApi, type ForbiddenCallsRefusal as Refusal } from '../../api/trust';
import type { Plugin } from '../../api/types';
import { errorTextClass, message, smallPrimaryClass } from '../ui';
import { ForbiddenCallsRefusal } from './ForbiddenCallsRefusal';
import { TrustCodeDialog } from './TrustCodeDialog';

export interface PluginUploadProps {
  /** The plugins installed now: the confirmation says whether the upload installed or upgraded one. */
  plugins: readonly Plugin[];
  onInstalled: (text: string) => void;
  /** `platform.plugins`: a refusal for forbidden calls offers to trust the plugin's code. */
  canTrustCode: boolean;
}

/** What an upload did, in words: installed, upgraded (from which version), or installed again. */
export function installedText(before: Plugin | undefined, now: Plugin): string {
  if (!before) return `Installed ${now.name} ${now.version}.`;
  if (before.version === now.version) return `Installed ${now.name} ${now.version} again.`;
  return `Upgraded ${now.name} from ${before.version} to ${now.version}.`;
}

/**
 * Uploads a plugin jar: a new plugin is installed, a newer version of an installed one replaces it
 * (the jar says which plugin it is). The server's refusal (an older version, not a plugin, a start
 * that failed, not trusted) shows here; one for forbidden calls lists them and offers the operator to
 * trust the plugin's code, after which the same file is uploaded again.
 */
export function PluginUpload({ plugins, onInstalled, canTrustCode }: PluginUploadProps) {
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<{ fileName: string; refusal: Refusal; detail: string } | null>(null);
  const [asking, setAsking] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  function clearMessages() {
    setError(null);
    setRefused(null);
    setNotice(null);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    clearMessages();
    try {
      const now = await pluginsApi.installPlugin(file);
      onInstalled(installedText(plugins.find((p) => p.id === now.id), now));
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
    } catch (e) {
      const refusal = forbiddenCallsRefusal(e);
      if (refusal && e instanceof ApiError) setRefused({ fileName: file.name, refusal, detail: e.message });
      else setError(`${file.name} was not installed: ${message(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label="Upload a plugin" className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor={inputId} className="text-sm font-medium">
          Install a plugin or a new version
        </label>
        <input
          id={inputId}
          ref={fileInput}
          type="file"
          name="jar"
          accept=".jar,application/java-archive"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            clearMessages();
          }}
          className="text-sm"
        />
        <button type="submit" disabled={busy || !file} className={smallPrimaryClass}>
          {busy ? 'Uploading…' : 'Upload'}
        </button>
      </div>
      {error && (
        <p role="alert" className={errorTextClass}>
          {error}
        </p>
      )}
      {notice && (
        <p role="status" data-upload-notice="" className="text-sm">
          {notice}
        </p>
      )}
      {refused && (
        <ForbiddenCallsRefusal
          fileName={refused.fileName}
          refusal={refused.refusal}
          detail={refused.detail}
          onTrust={canTrustCode ? () => setAsking(true) : null}
        />
      )}
      {asking && refused && (
        <TrustCodeDialog
          pluginId={refused.refusal.pluginId}
          onConfirm={async () => {
            await trustApi.trustPluginCode(refused.refusal.pluginId);
            setAsking(false);
            setRefused(null);
            setNotice(`The code of ${refused.refusal.pluginId} is trusted: upload ${refused.fileName} again to install it.`);
          }}
          onCancel={() => setAsking(false)}
        />
      )}
    </form>
  );
}
