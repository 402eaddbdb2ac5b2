import type { Me } from './api/types';

/**
 * What the signed-in user may do, from `me.permissions` (the server decides; the console only hides
 * what would be refused). Ids as in docs/security.md.
 */
export type AgencyPermission =
  | 'agency.locations'
  | 'agency.theme'
  | 'agency.usage'
  | 'agency.users'
  | 'platform.agencies'
  | 'platform.plugins'
  | 'plugins.read'
  | 'self';

export type LocationPermission = 'location.contacts' | 'location.read' | 'location.settings' | 'location.workflows';

export function may(me: Me, permission: AgencyPermission): boolean {
  return me.permissions.agency.includes(permission);
}

export function mayInLocation(me: Me, locationId: string, permission: LocationPermission): boolean {
  return me.permissions.locations[locationId]?.includes(permission) ?? false;
}

/** The theme the console shows: the user's own choice, else the agency's. */
export function appliedThemeId(me: Me): string {
  return me.themeId ?? me.agency.themeId;
}
