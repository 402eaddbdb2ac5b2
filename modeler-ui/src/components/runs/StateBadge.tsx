/** A run's or step's state as a small label; failed ones stand out in the theme's primary colour. */
export function StateBadge({ state }: { state: string }) {
  const failed = state === 'FAILED';
  return (
    <span
      data-state={state}
      className={`inline-block rounded-theme border px-2 text-xs font-medium ${
        failed ? 'border-primary text-primary' : 'border-border text-muted'
      }`}
    >
      {state.charAt(0) + state.slice(1).toLowerCase()}
    </span>
  );
}
