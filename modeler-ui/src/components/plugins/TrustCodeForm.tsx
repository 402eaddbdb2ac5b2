import { useId, useState, type FormEvent } from 'react';
import { FieldMessages, fieldProps, FormAlert, NO_ERRORS, type FormErrors } from '../FormErrors';
import { inputClass, smallPrimaryClass } from '../ui';
import { TrustCodeDialog } from './TrustCodeDialog';

export interface TrustCodeFormProps {
  /** Installed plugins the operator may want to name (their ids are offered as suggestions). */
  suggestions: readonly string[];
  /** Trusts the plugin's code; rejects with the server's problem. */
  onTrust: (pluginId: string) => Promise<void>;
}

const PLUGIN_ID = 'pluginId';

/** Names a plugin whose code to trust (before its upload, too), and asks what that means before doing it. */
export function TrustCodeForm({ suggestions, onTrust }: TrustCodeFormProps) {
  const ids = { input: useId(), list: useId(), error: useId() };
  const [pluginId, setPluginId] = useState('');
  const [asking, setAsking] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors(NO_ERRORS);
    if (pluginId.trim()) setAsking(pluginId.trim());
  }

  return (
    <form onSubmit={submit} aria-label="Trust a plugin's code" className="space-y-2" noValidate>
      <h4 className="font-medium">Trust a plugin&apos;s code</h4>
      <FormAlert errors={errors} />
      <div className="space-y-1">
        <label htmlFor={ids.input} className="text-sm font-medium">
          Plugin id
        </label>
        <div className="flex flex-wrap gap-2">
          <input
            id={ids.input}
            name={PLUGIN_ID}
            list={ids.list}
            value={pluginId}
            onChange={(e) => setPluginId(e.target.value)}
            placeholder="com.acme.plugins.crm-sync"
            className={`${inputClass} max-w-md`}
            {...fieldProps(errors, PLUGIN_ID, ids.error)}
          />
          <datalist id={ids.list}>
            {suggestions.map((id) => (
              <option key={id} value={id} />
            ))}
          </datalist>
          <button type="submit" disabled={pluginId.trim() === ''} className={smallPrimaryClass}>
            Trust its code…
          </button>
        </div>
        <FieldMessages errors={errors} pointer={PLUGIN_ID} id={ids.error} />
      </div>
      {asking && (
        <TrustCodeDialog
          pluginId={asking}
          onConfirm={async () => {
            try {
              await onTrust(asking);
              setPluginId('');
            } catch (e) {
              // a malformed id: next to the field, where it can be corrected
              setErrors({ general: null, byField: { [PLUGIN_ID]: [e instanceof Error ? e.message : String(e)] }, other: [] });
            }
            setAsking(null);
          }}
          onCancel={() => setAsking(null)}
        />
      )}
    </form>
  );
}
