import type { PluginTrust } from '../../api/types';
import { textButtonClass } from '../ui';
import { forbiddenCalls } from './trustRules';

export interface TrustVerdictCellProps {
  pluginName: string;
  /** The verdict of the plugin's active artifact; undefined when none was recorded. */
  trust: PluginTrust | undefined;
  onShowFindings: () => void;
}

/** A plugin's trust verdict in its row: who signed it (and the key's fingerprint), its forbidden calls, whether its code is trusted. */
export function TrustVerdictCell({ pluginName, trust, onShowFindings }: TrustVerdictCellProps) {
  if (!trust) return <p className="text-muted">Not recorded</p>;
  return (
    <div className="space-y-1" title={trust.verdict}>
      {trust.signed ? (
        <p data-column="signer">
          Signed by <span className="font-medium">{trust.signer}</span>
        </p>
      ) : (
        <p data-column="signer" className="font-medium text-primary">
          Unsigned
        </p>
      )}
      {trust.fingerprint && (
        <p className="max-w-56 font-mono text-xs break-all text-muted" data-column="fingerprint">
          SHA-256 {trust.fingerprint}
        </p>
      )}
      <p data-column="findings">
        {trust.findingCount === 0 ? (
          'No forbidden calls'
        ) : (
          <button
            type="button"
            className={`${textButtonClass} underline`}
            aria-label={`${forbiddenCalls(trust.findingCount)} in ${pluginName}`}
            onClick={onShowFindings}
          >
            {forbiddenCalls(trust.findingCount)}
          </button>
        )}
      </p>
      <p data-column="code-trust" data-code-trusted={String(trust.codeTrusted)} className="text-xs text-muted">
        {trust.codeTrusted ? 'Code trusted by the operator' : 'Code not explicitly trusted'}
      </p>
    </div>
  );
}
