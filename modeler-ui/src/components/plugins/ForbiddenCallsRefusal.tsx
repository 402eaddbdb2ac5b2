import type { ForbiddenCallsRefusal as Refusal } from '../../api/trust';
import { buttonClass } from '../ui';
import { FindingsTable } from './FindingsTable';

export interface ForbiddenCallsRefusalProps {
  fileName: string;
  refusal: Refusal;
  /** The server's detail, naming the calls in one sentence. */
  detail: string;
  /** Asks to trust the plugin's code; null when the user may not (not the operator). */
  onTrust: (() => void) | null;
}

/** An upload refused for forbidden calls: the calls the verifier found, and how the operator lets the plugin in. */
export function ForbiddenCallsRefusal({ fileName, refusal, detail, onTrust }: ForbiddenCallsRefusalProps) {
  return (
    <div role="alert" data-refusal="forbidden-calls" className="space-y-2 rounded-theme border border-primary p-3 text-sm">
      <p className="font-medium text-primary">
        {fileName} was not installed: {detail}
      </p>
      {refusal.findings.length > 0 && (
        <div className="max-h-72 overflow-y-auto">
          <FindingsTable findings={refusal.findings} label={`Forbidden calls in ${refusal.pluginId}`} />
        </div>
      )}
      <p>
        The platform&apos;s operator lets it in by trusting the code of {refusal.pluginId} (on the Trust page, or here),
        then uploading it again.
      </p>
      {onTrust && (
        <button type="button" className={buttonClass} onClick={onTrust}>
          Trust the code of {refusal.pluginId}…
        </button>
      )}
    </div>
  );
}
