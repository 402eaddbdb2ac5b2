export interface LocationSwitchProps {
  pluginName: string;
  locationName: string;
  /** Whether the plugin serves the location. */
  enabled: boolean;
  /** `location.settings` there: a switch; otherwise the state as text. */
  canChange: boolean;
  /** A change of this plugin is on its way: the switch waits. */
  busy: boolean;
  onToggle: () => void;
}

/** Whether a plugin serves one location, and for those who may change it the switch that turns it on or off. */
export function LocationSwitch({ pluginName, locationName, enabled, canChange, busy, onToggle }: LocationSwitchProps) {
  const label = enabled ? 'On' : 'Off';
  if (!canChange) return <span className={enabled ? '' : 'text-muted'}>{label}</span>;
  return (
    <button
      type="button"
      role="switch"
      aria-checked={enabled}
      aria-label={`${pluginName} in ${locationName}`}
      disabled={busy}
      onClick={onToggle}
      className="inline-flex items-center gap-2 rounded-theme px-1 py-0.5 text-sm disabled:opacity-60"
    >
      <span
        aria-hidden="true"
        className={`relative inline-block h-5 w-9 rounded-theme border border-border ${enabled ? 'bg-primary' : 'bg-background'}`}
      >
        <span
          className={`absolute top-0.5 h-3.5 w-3.5 rounded-theme ${enabled ? 'left-4 bg-primary-contrast' : 'left-0.5 bg-muted'}`}
        />
      </span>
      {label}
    </button>
  );
}
