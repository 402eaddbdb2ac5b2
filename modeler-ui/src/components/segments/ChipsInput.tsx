import { useState, type KeyboardEvent } from 'react';
import { buttonClass, smallInputClass } from '../ui';

export interface ChipsInputProps {
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** The accessible name of the text input ("Tags"). */
  label: string;
  placeholder?: string;
  invalid?: boolean;
  describedBy?: string;
}

/**
 * A list of texts as chips: type one and press Enter (or a comma) to add it, × to remove it; Backspace
 * in the empty input removes the last. A value already listed is not added twice.
 */
export function ChipsInput({ values, onChange, label, placeholder, invalid, describedBy }: ChipsInputProps) {
  const [draft, setDraft] = useState('');

  const add = (text: string) => {
    const value = text.trim();
    if (value && !values.includes(value)) onChange([...values, value]);
    setDraft('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add(draft);
    } else if (e.key === 'Backspace' && draft === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };

  return (
    <span className="inline-flex flex-wrap items-center gap-1" data-chips>
      {values.map((value) => (
        <span
          key={value}
          data-chip={value}
          className="inline-flex items-center gap-1 rounded-theme border border-border bg-background px-2 text-xs"
        >
          {value}
          <button
            type="button"
            aria-label={`Remove ${value}`}
            className="px-0.5 hover:text-primary"
            onClick={() => onChange(values.filter((v) => v !== value))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        aria-label={label}
        placeholder={placeholder ?? 'Type, then Enter'}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => add(draft)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className={`${smallInputClass} w-40`}
      />
      {draft.trim() && (
        <button
          type="button"
          className={buttonClass}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => add(draft)}
        >
          Add
        </button>
      )}
    </span>
  );
}
