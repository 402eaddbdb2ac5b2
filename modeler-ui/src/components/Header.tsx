import type { ReactNode } from 'react';
import type { Agency, Location, Theme, User } from '../api/types';
import type { View } from '../consoleUrl';
import { themeLogoSrc } from '../theme';
import { ThemeSelect } from './ThemeSelect';

export interface HeaderProps {
  agency: Agency;
  /** The user's own theme as the select shows it (may be a change in flight); null follows the agency's. */
  themeChoice: string | null;
  /** The theme whose stylesheet is applied (the logo follows it). */
  logoThemeId: string;
  user: User;
  locations: Location[];
  /** The location the console works in. */
  location: Location | null;
  onLocationChange: (locationId: string) => void;
  /** The navigation's entries the user may open. */
  views: readonly NavView[];
  view: View;
  onViewChange: (view: NavView) => void;
  themes: Theme[];
  themeBusy: boolean;
  onThemeChange: (themeId: string | null) => void;
  onSignOut: () => void;
  /** The notifications' bell, when the console works in a location. */
  bell?: ReactNode;
}

/**
 * The navigation's entries (a contact belongs to Contacts; a segment and its builder to Segments; the
 * settings' pages to Settings; a plugin's settings to Plugins).
 */
export type NavView = Exclude<
  View,
  'contact' | 'segment' | 'segment-edit' | 'crm-settings' | 'custom-values' | 'pipelines' | 'plugin-settings'
>;

const VIEW_LABELS: Record<NavView, string> = {
  workflows: 'Workflows',
  runs: 'Runs',
  contacts: 'Contacts',
  segments: 'Segments',
  companies: 'Companies',
  pipeline: 'Pipeline',
  tasks: 'My tasks',
  'custom-fields': 'Settings',
  imports: 'Imports',
  locations: 'Locations',
  plugins: 'Plugins',
  trust: 'Trust',
  agency: 'Agency',
};

/** The entry a view is under. */
export function navViewOf(view: View): NavView {
  switch (view) {
    case 'contact':
      return 'contacts';
    case 'segment':
    case 'segment-edit':
      return 'segments';
    case 'crm-settings':
    case 'custom-values':
    case 'pipelines':
      return 'custom-fields';
    case 'plugin-settings':
      return 'plugins';
    default:
      return view;
  }
}

export function Header(props: HeaderProps) {
  const { agency, logoThemeId, user, locations, location, onLocationChange, views, view, onViewChange } = props;
  const current = navViewOf(view);
  return (
    // wraps rather than overlaps when the entries do not fit on one line
    <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-border bg-surface px-5 py-3">
      <img alt="logo" src={themeLogoSrc(logoThemeId)} className="h-8 w-auto" />
      <div className="max-w-64 shrink-0">
        <p className="truncate font-semibold leading-tight">{agency.name}</p>
        {location ? (
          <select
            aria-label="Location"
            value={location.id}
            onChange={(e) => onLocationChange(e.target.value)}
            className="max-w-56 truncate rounded-theme border border-border bg-surface px-1 text-sm text-muted"
          >
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        ) : (
          <p className="truncate text-sm text-muted">No location</p>
        )}
      </div>
      <nav aria-label="Console" className="flex flex-wrap gap-1">
        {views.map((v) => (
          <button
            key={v}
            type="button"
            aria-current={v === current ? 'page' : undefined}
            onClick={() => onViewChange(v)}
            className={`whitespace-nowrap rounded-theme border px-3 py-1 text-sm ${
              v === current ? 'border-primary bg-background' : 'border-transparent hover:border-border'
            }`}
          >
            {VIEW_LABELS[v]}
          </button>
        ))}
      </nav>
      <div className="ml-auto flex items-center gap-3">
        {props.bell}
        <span className="hidden max-w-64 truncate text-sm text-muted sm:inline-block" title={user.role}>
          {user.email}
        </span>
        <ThemeSelect
          themes={props.themes}
          value={props.themeChoice}
          agencyThemeId={agency.themeId}
          disabled={props.themeBusy}
          onChange={props.onThemeChange}
        />
        <button
          type="button"
          onClick={props.onSignOut}
          className="whitespace-nowrap rounded-theme border border-border px-3 py-1 text-sm hover:border-primary"
        >
          Sign out
        </button>
      </div>
    </header>
  );
}
