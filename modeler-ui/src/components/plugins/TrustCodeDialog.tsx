import { ConfirmDialog } from '../ConfirmDialog';
import { RULE_TEXT } from './trustRules';

export interface TrustCodeDialogProps {
  pluginId: string;
  /** Trusts the code; a rejection stays in the dialog. */
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}

/** The question before the operator trusts a plugin's code: what the verifier forbids, and that this plugin may do it. */
export function TrustCodeDialog({ pluginId, onConfirm, onCancel }: TrustCodeDialogProps) {
  return (
    <ConfirmDialog
      title={`Trust the code of ${pluginId}?`}
      confirmLabel="Trust its code"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        Its uploads are let in even when the bytecode verifier finds calls the platform forbids. Its code may then make
        those calls, in the platform&apos;s own JVM where no sandbox holds it:
      </p>
      <ul className="list-disc pl-5">
        {Object.entries(RULE_TEXT).map(([rule, text]) => (
          <li key={rule}>
            <span className="font-medium">{rule}</span>: {text}
          </li>
        ))}
      </ul>
      <p>
        The calls found stay listed with the plugin. Trust only code you have reviewed, from a publisher you trust.
        Withdrawing the trust later checks its next upload again; installed versions keep running.
      </p>
    </ConfirmDialog>
  );
}
