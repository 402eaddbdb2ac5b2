import type { Plugin } from '../../api/types';
import { ConfirmDialog } from '../ConfirmDialog';

/**
 * A change of a plugin that asks first. `force-uninstall` follows an uninstall the server refused
 * because workflows use the plugin: `refusal` is its detail, naming them.
 */
export type PendingChange =
  | { action: 'rollback'; plugin: Plugin }
  | { action: 'uninstall'; plugin: Plugin }
  | { action: 'force-uninstall'; plugin: Plugin; refusal: string }
  | { action: 'disable'; plugin: Plugin; locationName: string };

export interface PluginChangeDialogProps {
  pending: PendingChange;
  /** Runs the change; a rejection stays in the dialog (a refusal to turn off names the workflows). */
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}

/** The question before a change of a plugin: what it does to the workflows of the agencies or the location. */
export function PluginChangeDialog({ pending, onConfirm, onCancel }: PluginChangeDialogProps) {
  const { plugin } = pending;
  switch (pending.action) {
    case 'rollback':
      return (
        <ConfirmDialog
          title={`Roll ${plugin.name} back to ${plugin.previousVersion}?`}
          confirmLabel={`Roll back to ${plugin.previousVersion}`}
          onConfirm={onConfirm}
          onCancel={onCancel}
        >
          <p>
            New calls go to version {plugin.previousVersion} at once; calls in flight finish on {plugin.version}.
            Settings stay as they are.
          </p>
        </ConfirmDialog>
      );
    case 'uninstall':
      return (
        <ConfirmDialog title={`Uninstall ${plugin.name}?`} confirmLabel="Uninstall" onConfirm={onConfirm} onCancel={onCancel}>
          <p>
            Its contributions leave every agency of the platform: workflows can no longer call its actions. Calls in
            flight finish first. Its settings stay in each location, for a reinstall.
          </p>
        </ConfirmDialog>
      );
    case 'force-uninstall':
      return (
        <ConfirmDialog
          title={`Remove ${plugin.name} anyway?`}
          confirmLabel="Remove anyway"
          onConfirm={onConfirm}
          onCancel={onCancel}
        >
          <p className="font-medium" data-refusal="">
            {pending.refusal}
          </p>
          <p>
            Removed anyway, it is gone at once and the steps of those workflows that call its actions fail, in new runs
            and in runs that reach them later. Change the workflows first to avoid that.
          </p>
        </ConfirmDialog>
      );
    case 'disable':
      return (
        <ConfirmDialog
          title={`Turn ${plugin.name} off in ${pending.locationName}?`}
          confirmLabel="Turn off"
          onConfirm={onConfirm}
          onCancel={onCancel}
        >
          <p>
            Workflows of {pending.locationName} can no longer use its actions, and its triggers and webhooks stop serving
            the location. Its settings there stay; turn it on again at any time.
          </p>
        </ConfirmDialog>
      );
  }
}
