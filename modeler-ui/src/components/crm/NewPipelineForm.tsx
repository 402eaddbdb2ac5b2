import { useId, useState, type FormEvent } from 'react';
import { crmApi } from '../../api/crm';
import type { Pipeline } from '../../api/types';
import { FieldMessages, fieldProps, FormAlert, formErrors, NO_ERRORS, type FormErrors } from '../FormErrors';
import { buttonClass, inputClass, primaryClass, smallInputClass } from '../ui';

export interface NewPipelineFormProps {
  locationId: string;
  onCreated: (pipeline: Pipeline) => void;
}

/** A new pipeline: its name and its stages in board order (at least one). */
export function NewPipelineForm({ locationId, onCreated }: NewPipelineFormProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [stages, setStages] = useState<string[]>(['']);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const pointers = ['/name', '/stages', ...stages.map((_, i) => `/stages/${i}/name`)];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      // as typed (blank ones too), so that the server's /stages/<i>/name names the input the user sees
      const created = await crmApi.createPipeline(locationId, { name, stages: stages.map((s) => ({ name: s })) });
      setName('');
      setStages(['']);
      onCreated(created);
    } catch (e) {
      setErrors(formErrors(e, pointers, true));
    } finally {
      setBusy(false);
    }
  }

  const errorId = (pointer: string) => `${id}${pointer.replaceAll('/', '-')}-error`;
  return (
    <form
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      data-form="new-pipeline"
      className="space-y-3 rounded-theme border border-border bg-surface p-4"
      noValidate
    >
      <h3 id={`${id}-title`} className="font-semibold">
        New pipeline
      </h3>
      <FormAlert errors={errors} />
      <div className="space-y-1">
        <label className="block space-y-1">
          <span className="text-sm font-medium">Name</span>
          <input
            name="name"
            value={name}
            autoComplete="off"
            onChange={(e) => setName(e.target.value)}
            {...fieldProps(errors, '/name', errorId('/name'))}
            className={inputClass}
          />
        </label>
        <FieldMessages errors={errors} pointer="/name" id={errorId('/name')} />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Stages, in board order</legend>
        <FieldMessages errors={errors} pointer="/stages" id={errorId('/stages')} />
        <ol className="space-y-2">
          {stages.map((stage, i) => {
            const pointer = `/stages/${i}/name`;
            return (
              <li key={i} className="space-y-1">
                <div className="flex items-center gap-2">
                  <input
                    aria-label={`Stage ${i + 1}`}
                    value={stage}
                    autoComplete="off"
                    onChange={(e) => setStages((list) => list.map((s, j) => (j === i ? e.target.value : s)))}
                    {...fieldProps(errors, pointer, errorId(pointer))}
                    className={`${smallInputClass} flex-1`}
                  />
                  <button
                    type="button"
                    className={buttonClass}
                    disabled={stages.length === 1}
                    onClick={() => setStages((list) => list.filter((_, j) => j !== i))}
                    aria-label={`Remove stage ${i + 1}`}
                  >
                    Remove
                  </button>
                </div>
                <FieldMessages errors={errors} pointer={pointer} id={errorId(pointer)} />
              </li>
            );
          })}
        </ol>
        <button type="button" className={buttonClass} onClick={() => setStages((list) => [...list, ''])}>
          Add another stage
        </button>
      </fieldset>
      <button type="submit" disabled={busy} className={primaryClass}>
        Create pipeline
      </button>
    </form>
  );
}
