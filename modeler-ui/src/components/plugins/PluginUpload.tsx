import { useId, useRef, useState, type FormEvent } from 'react';
import { pluginsApi } from '../../api/plugins';
import type { Plugin } from '../../api/types';
import { errorTextClass, message, smallPrimaryClass } from '../ui';

export interface PluginUploadProps {
  /** The plugins installed now: the confirmation says whether the upload installed or upgraded one. */
  plugins: readonly Plugin[];
  onInstalled: (text: string) => void;
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
 * that failed) shows here.
 */
export function PluginUpload({ plugins, onInstalled }: PluginUploadProps) {
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const now = await pluginsApi.installPlugin(file);
      onInstalled(installedText(plugins.find((p) => p.id === now.id), now));
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
    } catch (e) {
      setError(`${file.name} was not installed: ${message(e)}`);
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
            setError(null);
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
    </form>
  );
}
