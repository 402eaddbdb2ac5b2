import type { Theme } from '../api/types';

export interface ThemeSelectProps {
  themes: Theme[];
  /** The chosen theme; null: the agency's. */
  value: string | null;
  /** The agency's theme, which "follow the agency" shows. */
  agencyThemeId: string;
  disabled?: boolean;
  onChange: (themeId: string | null) => void;
}

const FOLLOW = '';

/** The user's own theme, or the agency's ("Agency theme"). */
export function ThemeSelect({ themes, value, agencyThemeId, disabled, onChange }: ThemeSelectProps) {
  // Keep the current theme selectable even if the list has not arrived (or lacks it).
  const options = value === null || themes.some((t) => t.id === value) ? themes : [{ id: value, name: value }, ...themes];
  const agencyTheme = themes.find((t) => t.id === agencyThemeId)?.name ?? agencyThemeId;
  return (
    <select
      aria-label="Theme"
      value={value ?? FOLLOW}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value === FOLLOW ? null : e.target.value)}
      className="rounded-theme border border-border bg-surface px-2 py-1 text-sm text-text"
    >
      <option value={FOLLOW}>Agency theme ({agencyTheme})</option>
      {options.map((theme) => (
        <option key={theme.id} value={theme.id}>
          {theme.name}
        </option>
      ))}
    </select>
  );
}
