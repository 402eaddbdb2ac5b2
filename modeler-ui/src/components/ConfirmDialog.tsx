import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { buttonClass, errorTextClass, message, primaryClass } from './ui';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  /** The confirming button's text: what it does ("Delete 2 contacts"). */
  confirmLabel: string;
  /** Runs when confirmed; a rejection is shown in the dialog, which stays open. */
  onConfirm: () => Promise<void> | void;
  onCancel: () => void;
}

/**
 * A modal question before something that cannot simply be undone. The browser's `<dialog>` keeps
 * focus inside it and closes it with Escape (which cancels).
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (e) {
      setError(message(e));
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
      className="m-auto w-full max-w-md space-y-4 rounded-theme border border-border bg-surface p-5 text-text backdrop:bg-background/70"
    >
      <h2 id={titleId} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="space-y-2 text-sm">{children}</div>
      {error && (
        <p role="alert" className={errorTextClass}>
          {error}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <button type="button" className={buttonClass} onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="button" className={primaryClass} onClick={() => void confirm()} disabled={busy}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
