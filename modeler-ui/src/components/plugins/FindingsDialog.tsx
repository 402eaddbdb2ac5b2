import { useEffect, useId, useRef } from 'react';
import type { Plugin, PluginTrust } from '../../api/types';
import { buttonClass } from '../ui';
import { FindingsTable } from './FindingsTable';
import { forbiddenCalls } from './trustRules';

export interface FindingsDialogProps {
  plugin: Pick<Plugin, 'id' | 'name'>;
  trust: PluginTrust;
  onClose: () => void;
}

/** The forbidden calls found in a plugin's active artifact, in a modal `<dialog>` (Escape closes it). */
export function FindingsDialog({ plugin, trust, onClose }: FindingsDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const shown = trust.findings.length;
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="m-auto w-full max-w-4xl space-y-4 rounded-theme border border-border bg-surface p-5 text-text backdrop:bg-background/70"
    >
      <h2 id={titleId} className="text-lg font-semibold">
        Forbidden calls in {plugin.name}
      </h2>
      <p className="text-sm">
        The bytecode verifier found {forbiddenCalls(trust.findingCount)} in {plugin.id}
        {shown < trust.findingCount && ` (the first ${shown} are listed)`}.{' '}
        {trust.codeTrusted
          ? 'It was let in because the operator trusts its code.'
          : 'Its code is not trusted: an upload with these calls is refused.'}
      </p>
      <div className="max-h-[60vh] overflow-y-auto">
        <FindingsTable findings={trust.findings} label={`Forbidden calls in ${plugin.name}`} />
      </div>
      <div className="flex justify-end">
        <button type="button" className={buttonClass} onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
