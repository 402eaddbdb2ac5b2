import { CrmSettingsView } from './CrmSettingsView';
import { CustomFieldsView } from './CustomFieldsView';
import { CustomValuesView } from './CustomValuesView';
import { PipelinesView } from './PipelinesView';

/** The location's settings pages. */
export type SettingsPage = 'custom-fields' | 'custom-values' | 'pipelines' | 'crm-settings';

export const SETTINGS_PAGES: readonly { page: SettingsPage; label: string }[] = [
  { page: 'custom-fields', label: 'Custom fields' },
  { page: 'custom-values', label: 'Custom values' },
  { page: 'pipelines', label: 'Pipelines' },
  { page: 'crm-settings', label: 'CRM settings' },
];

const PAGES = SETTINGS_PAGES;

export interface SettingsViewProps {
  locationId: string;
  locationName: string;
  page: SettingsPage;
  onPageChange: (page: SettingsPage) => void;
  /** `location.settings`: change them (the others read them). */
  canEdit: boolean;
}

/** Settings of the location: its pages beside, the chosen one on the right. */
export function SettingsView({ locationId, locationName, page, onPageChange, canEdit }: SettingsViewProps) {
  const current = PAGES.find((p) => p.page === page) ?? PAGES[0];
  return (
    <div className="flex min-h-full">
      <nav aria-label="Settings" className="w-56 shrink-0 space-y-1 border-r border-border bg-surface p-3">
        {PAGES.map((p) => (
          <button
            key={p.page}
            type="button"
            aria-current={p.page === page ? 'page' : undefined}
            onClick={() => onPageChange(p.page)}
            className={`block w-full rounded-theme border px-3 py-1 text-left text-sm ${
              p.page === page ? 'border-primary bg-background' : 'border-transparent hover:border-border'
            }`}
          >
            {p.label}
          </button>
        ))}
      </nav>
      <div className="min-w-0 flex-1 space-y-4 p-6">
        <h2 className="text-lg font-semibold">
          {current.label} <span className="text-sm font-normal text-muted">· {locationName}</span>
        </h2>
        {!canEdit && (
          <p className="text-sm text-muted" data-read-only="">
            Your role in {locationName} lets you read these settings, not change them.
          </p>
        )}
        {page === 'custom-fields' && <CustomFieldsView key={locationId} locationId={locationId} canEdit={canEdit} />}
        {page === 'custom-values' && <CustomValuesView key={locationId} locationId={locationId} canEdit={canEdit} />}
        {page === 'pipelines' && <PipelinesView key={locationId} locationId={locationId} canEdit={canEdit} />}
        {page === 'crm-settings' && <CrmSettingsView key={locationId} locationId={locationId} canEdit={canEdit} />}
      </div>
    </div>
  );
}
