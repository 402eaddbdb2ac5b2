import type { Agency, Location, Theme, User } from '../api/types';
import { themeLogoSrc } from '../theme';
import { ThemeSelect } from './ThemeSelect';

export interface HeaderProps {
  /** The agency; `themeId` is what the theme select shows (may be a change in flight). */
  agency: Agency;
  /** The theme whose stylesheet is applied (the logo follows it). */
  logoThemeId: string;
  user: User;
  location: Location | null;
  themes: Theme[];
  themeBusy: boolean;
  onThemeChange: (themeId: string) => void;
  onSignOut: () => void;
}

export function Header({ agency, logoThemeId, user, location, themes, themeBusy, onThemeChange, onSignOut }: HeaderProps) {
  return (
    <header className="flex items-center gap-4 border-b border-border bg-surface px-5 py-3">
      <img alt="logo" src={themeLogoSrc(logoThemeId)} className="h-8 w-auto" />
      <div className="min-w-0">
        <p className="truncate font-semibold leading-tight">{agency.name}</p>
        <p className="truncate text-sm text-muted" aria-label="Location">
          {location ? location.name : 'No location'}
        </p>
      </div>
      <div className="ml-auto flex items-center gap-3">
        <span className="hidden text-sm text-muted sm:inline" title={user.role}>
          {user.email}
        </span>
        <ThemeSelect themes={themes} value={agency.themeId} disabled={themeBusy} onChange={onThemeChange} />
        <button
          type="button"
          onClick={onSignOut}
          className="rounded-theme border border-border px-3 py-1 text-sm hover:border-primary"
        >
          Sign out
        </button>
      </div>
    </header>
  );
}
