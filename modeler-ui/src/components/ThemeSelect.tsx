import type { Theme } from '../api/types';

export interface ThemeSelectProps {
  themes: Theme[];
  value: string;
  disabled?: boolean;
  onChange: (themeId: string) => void;
}

export function ThemeSelect({ themes, value, disabled, onChange }: ThemeSelectProps) {
  // Keep the current theme selectable even if the list has not arrived (or lacks it).
  const options = themes.some((t) => t.id === value) ? themes : [{ id: value, name: value }, ...themes];
  return (
    <select
      aria-label="Theme"
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value)}
      className="rounded-theme border border-border bg-surface px-2 py-1 text-sm text-text"
    >
      {options.map((theme) => (
        <option key={theme.id} value={theme.id}>
          {theme.name}
        </option>
      ))}
    </select>
  );
}
