import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { crmApi } from '../../api/crm';
import type { Contact, NewOpportunity, Opportunity, Pipeline } from '../../api/types';
import { FieldMessages, fieldProps, FormAlert, formErrors, NO_ERRORS, type FormErrors } from '../FormErrors';
import { buttonClass, inputClass, smallPrimaryClass } from '../ui';
import { ContactPicker } from './ContactPicker';

/**
 * A typed amount for the API: empty is none, a number is sent as one; anything else is sent as typed,
 * and the server says what is wrong with it next to the field.
 */
export function amountOf(text: string): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const number = Number(trimmed);
  return (Number.isFinite(number) ? number : trimmed) as number;
}

export interface OpportunityFormProps {
  locationId: string;
  pipelines: readonly Pipeline[];
  /** The contact it is for (the contact page); absent: chosen in the form (the board). */
  contact?: Contact;
  /** The pipeline and stage chosen first. */
  pipelineId?: string;
  stageId?: string;
  onCreated: (opportunity: Opportunity) => void;
  onCancel: () => void;
}

const POINTERS = ['/name', '/contactId', '/pipelineId', '/pipelineStageId', '/monetaryValue', '/currency'];

/** Creates an opportunity: its name, contact, pipeline and stage, value and currency. */
export function OpportunityForm({ locationId, pipelines, contact, pipelineId, stageId, onCreated, onCancel }: OpportunityFormProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<Contact | null>(contact ?? null);
  const [pipeline, setPipeline] = useState(pipelineId ?? pipelines[0]?.id ?? '');
  const stages = pipelines.find((p) => p.id === pipeline)?.stages ?? [];
  const [stage, setStage] = useState(stageId ?? stages[0]?.id ?? '');
  const [value, setValue] = useState('');
  const [currency, setCurrency] = useState('USD');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    const amount = amountOf(value);
    const body: NewOpportunity = {
      name,
      contactId: chosen?.id ?? '',
      pipelineId: pipeline,
      ...(stage ? { pipelineStageId: stage } : {}),
      ...(amount !== undefined ? { monetaryValue: amount } : {}),
      ...(currency.trim() ? { currency: currency.trim() } : {}),
    };
    try {
      onCreated(await crmApi.createOpportunity(locationId, body));
    } catch (e) {
      setErrors(formErrors(e, POINTERS));
    } finally {
      setBusy(false);
    }
  }

  const field = (member: string, label: string, input: (props: ReturnType<typeof fieldProps> & { id: string }) => ReactNode) => {
    const errorId = `${id}-${member}-error`;
    const inputId = `${id}-${member}`;
    return (
      <div className="space-y-1">
        <label htmlFor={inputId} className="block text-sm font-medium">
          {label}
        </label>
        {input({ ...fieldProps(errors, `/${member}`, errorId), id: inputId })}
        <FieldMessages errors={errors} pointer={`/${member}`} id={errorId} />
      </div>
    );
  };

  return (
    <form onSubmit={submit} aria-label="New opportunity" data-form="new-opportunity" className="space-y-2" noValidate>
      <FormAlert errors={errors} />
      {field('name', 'Name', (props) => (
        <input name="name" value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} {...props} className={inputClass} />
      ))}
      {!contact &&
        field('contactId', 'Contact', (props) => (
          <ContactPicker locationId={locationId} value={chosen} onChange={setChosen} inputProps={props} />
        ))}
      <div className="grid gap-2 sm:grid-cols-2">
        {field('pipelineId', 'Pipeline', (props) => (
          <select
            name="pipelineId"
            value={pipeline}
            onChange={(e) => {
              setPipeline(e.target.value);
              setStage(pipelines.find((p) => p.id === e.target.value)?.stages[0]?.id ?? '');
            }}
            {...props}
            className={inputClass}
          >
            {pipelines.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        ))}
        {field('pipelineStageId', 'Stage', (props) => (
          <select name="pipelineStageId" value={stage} onChange={(e) => setStage(e.target.value)} {...props} className={inputClass}>
            {stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        ))}
        {field('monetaryValue', 'Value', (props) => (
          <input
            name="monetaryValue"
            inputMode="decimal"
            value={value}
            autoComplete="off"
            placeholder="0.00"
            onChange={(e) => setValue(e.target.value)}
            {...props}
            className={inputClass}
          />
        ))}
        {field('currency', 'Currency', (props) => (
          <input
            name="currency"
            value={currency}
            autoComplete="off"
            onChange={(e) => setCurrency(e.target.value.toUpperCase())}
            {...props}
            className={inputClass}
          />
        ))}
      </div>
      <div className="flex gap-2">
        <button type="submit" disabled={busy} className={smallPrimaryClass}>
          Create opportunity
        </button>
        <button type="button" disabled={busy} onClick={onCancel} className={buttonClass}>
          Cancel
        </button>
      </div>
    </form>
  );
}
