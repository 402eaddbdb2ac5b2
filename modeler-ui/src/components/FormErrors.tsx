import { ApiError, describeFieldError } from '../api/client';

/**
 * What a form shows after a refused submit: the problem's `detail` as the general message, each
 * `errors[]` entry whose `pointer` names one of the form's fields next to that field, and the
 * others (no pointer, or one the form has no field for) listed with the general message.
 */
export interface FormErrors {
  general: string | null;
  /** Messages by the JSON Pointer of the field they belong to (`/name`). */
  byField: Partial<Record<string, string[]>>;
  other: string[];
}

export const NO_ERRORS: FormErrors = { general: null, byField: {}, other: [] };

/**
 * Sorts the errors of a failed submit by the form's fields, given as JSON Pointers (`/email`). With
 * `nested`, an error inside a field's value goes to that field too (`/tags/2` to `/tags`).
 */
export function formErrors(error: unknown, fieldPointers: readonly string[], nested = false): FormErrors {
  if (!(error instanceof ApiError)) {
    return { general: error instanceof Error ? error.message : String(error), byField: {}, other: [] };
  }
  const byField: Partial<Record<string, string[]>> = {};
  const other: string[] = [];
  const fieldOf = (pointer: string | undefined) =>
    pointer === undefined
      ? undefined
      : fieldPointers.includes(pointer)
        ? pointer
        : nested
          ? fieldPointers.filter((p) => pointer.startsWith(`${p}/`)).sort((a, b) => b.length - a.length)[0]
          : undefined;
  for (const entry of error.errors) {
    const pointer = fieldOf(entry.pointer);
    if (pointer !== undefined) {
      (byField[pointer] ??= []).push(entry.detail);
    } else {
      other.push(describeFieldError(entry));
    }
  }
  return { general: error.message, byField, other };
}

export function hasErrors(errors: FormErrors): boolean {
  return errors.general !== null || errors.other.length > 0 || Object.keys(errors.byField).length > 0;
}

/** The general message and the errors no field shows, above the form's fields. */
export function FormAlert({ errors }: { errors: FormErrors }) {
  if (errors.general === null && errors.other.length === 0) return null;
  return (
    <div role="alert" className="space-y-1 rounded-theme border border-primary px-3 py-2 text-sm">
      {errors.general !== null && <p className="whitespace-pre-line">{errors.general}</p>}
      {errors.other.length > 0 && (
        <ul className="list-disc pl-5">
          {errors.other.map((message, i) => (
            <li key={i}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Props that tie an input to the messages `FieldMessages` shows under it. */
export function fieldProps(errors: FormErrors, pointer: string, id: string) {
  const invalid = (errors.byField[pointer]?.length ?? 0) > 0;
  return { 'aria-invalid': invalid || undefined, 'aria-describedby': invalid ? id : undefined } as const;
}

/** The messages of one field, under its input (`id` is what the input's aria-describedby names). */
export function FieldMessages({ errors, pointer, id }: { errors: FormErrors; pointer: string; id: string }) {
  const messages = errors.byField[pointer];
  if (!messages?.length) return null;
  return (
    <p id={id} data-pointer={pointer} className="text-sm font-medium text-primary">
      {messages.join(' ')}
    </p>
  );
}
