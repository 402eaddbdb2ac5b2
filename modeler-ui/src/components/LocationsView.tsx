import { useState, type FormEvent } from 'react';
import type { Location } from '../api/types';
import { FieldMessages, fieldProps, FormAlert, formErrors, NO_ERRORS, type FormErrors } from './FormErrors';

export interface LocationsViewProps {
  /** The agency's locations, oldest first; null while loading. */
  locations: Location[] | null;
  currentLocationId: string | null;
  /** Creates a location; rejects with the server's problem (a refused name names `/name`). Null: the user may not (no form). */
  onCreate: ((name: string) => Promise<Location>) | null;
  /** Makes the location the one the console works in. */
  onOpen: (locationId: string) => void;
}

/** The agency's locations (sub-accounts) and a form to add one. */
export function LocationsView({ locations, currentLocationId, onCreate, onOpen }: LocationsViewProps) {
  return (
    <div className="mx-auto max-w-2xl space-y-8 p-6">
      <section aria-labelledby="locations-title" className="space-y-3">
        <h2 id="locations-title" className="text-lg font-semibold">
          Locations
        </h2>
        {locations === null && <p className="text-sm text-muted">Loading…</p>}
        {locations?.length === 0 && <p className="text-sm text-muted">No locations yet.</p>}
        <ul aria-label="Locations" className="divide-y divide-border rounded-theme border border-border bg-surface">
          {locations?.map((location) => {
            const current = location.id === currentLocationId;
            return (
              <li key={location.id} className="flex items-center gap-3 px-4 py-2">
                <span className="min-w-0 flex-1 truncate" aria-current={current ? 'true' : undefined}>
                  {location.name}
                </span>
                {current ? (
                  <span className="text-xs text-muted">Current</span>
                ) : (
                  <button
                    type="button"
                    onClick={() => onOpen(location.id)}
                    aria-label={`Switch to ${location.name}`}
                    className="rounded-theme border border-border px-3 py-1 text-sm hover:border-primary"
                  >
                    Switch
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      {onCreate && <NewLocationForm onCreate={onCreate} />}
    </div>
  );
}

const NAME = '/name';
const NAME_ERROR_ID = 'new-location-name-error';

function NewLocationForm({ onCreate }: { onCreate: (name: string) => Promise<Location> }) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [created, setCreated] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    setCreated(null);
    try {
      const location = await onCreate(name);
      setName('');
      setCreated(`Created location ${location.name}`);
    } catch (e) {
      setErrors(formErrors(e, [NAME]));
    } finally {
      setBusy(false);
    }
  }

  // No client-side limits: the server's answer says what a name must be, next to the field.
  return (
    <form onSubmit={submit} aria-labelledby="new-location-title" className="space-y-3" noValidate>
      <h2 id="new-location-title" className="text-lg font-semibold">
        New location
      </h2>
      <FormAlert errors={errors} />
      <div className="space-y-1">
        <label className="block space-y-1">
          <span className="text-sm font-medium">Name</span>
          <input
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            {...fieldProps(errors, NAME, NAME_ERROR_ID)}
            className="block w-full rounded-theme border border-border bg-background px-3 py-2 text-text aria-invalid:border-primary"
          />
        </label>
        <FieldMessages errors={errors} pointer={NAME} id={NAME_ERROR_ID} />
      </div>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={busy}
          className="rounded-theme bg-primary px-4 py-2 font-medium text-primary-contrast hover:opacity-90 disabled:opacity-60"
        >
          Create location
        </button>
        <p role="status" className="text-sm text-muted">
          {created}
        </p>
      </div>
    </form>
  );
}
