import type { AgencyRole, Location, LocationRole } from '../api/types';
import { FieldMessages, type FormErrors } from './FormErrors';

/** A user's roles as the forms edit them: a role in the agency, and per location id. */
export interface RolesValue {
  agencyRole: AgencyRole | null;
  locationRoles: Partial<Record<string, LocationRole>>;
}

export const NO_ROLES: RolesValue = { agencyRole: null, locationRoles: {} };

export const AGENCY_ROLE_LABELS: Record<AgencyRole, string> = { OWNER: 'Owner', ADMIN: 'Admin' };
export const LOCATION_ROLE_LABELS: Record<LocationRole, string> = {
  ADMIN: 'Admin',
  USER: 'User',
  READ_ONLY: 'Read-only',
};

/** The body members of a user's or invitation's roles. */
export function rolesBody(roles: RolesValue): { agencyRole?: AgencyRole; locationRoles: Record<string, LocationRole> } {
  const locationRoles: Record<string, LocationRole> = {};
  for (const [id, role] of Object.entries(roles.locationRoles)) if (role) locationRoles[id] = role;
  return roles.agencyRole ? { agencyRole: roles.agencyRole, locationRoles } : { locationRoles };
}

/** The JSON Pointers the role fields show errors for. */
export function rolePointers(locations: readonly Location[]): string[] {
  return ['/agencyRole', '/locationRoles', ...locations.map((l) => `/locationRoles/${l.id}`)];
}

export interface RoleFieldsProps {
  /** Unique per form: ids of the error messages. */
  idPrefix: string;
  value: RolesValue;
  onChange: (value: RolesValue) => void;
  locations: readonly Location[];
  errors: FormErrors;
}

const selectClass = 'rounded-theme border border-border bg-background px-2 py-1 text-sm text-text aria-invalid:border-primary';

/** Agency role and a role per location; an agency role covers every location. */
export function RoleFields({ idPrefix, value, onChange, locations, errors }: RoleFieldsProps) {
  const invalid = (pointer: string) => ((errors.byField[pointer]?.length ?? 0) > 0 ? true : undefined);
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Roles</legend>
      <div className="space-y-1">
        <label className="flex items-center gap-3 text-sm">
          <span className="w-40">Agency role</span>
          <select
            name="agencyRole"
            value={value.agencyRole ?? ''}
            aria-invalid={invalid('/agencyRole')}
            aria-describedby={invalid('/agencyRole') && `${idPrefix}-agencyRole-error`}
            onChange={(e) => onChange({ ...value, agencyRole: (e.target.value || null) as AgencyRole | null })}
            className={selectClass}
          >
            <option value="">None (locations below)</option>
            <option value="ADMIN">{AGENCY_ROLE_LABELS.ADMIN}: every location</option>
            <option value="OWNER">{AGENCY_ROLE_LABELS.OWNER}: every location</option>
          </select>
        </label>
        <FieldMessages errors={errors} pointer="/agencyRole" id={`${idPrefix}-agencyRole-error`} />
      </div>
      {locations.map((location) => {
        const pointer = `/locationRoles/${location.id}`;
        const errorId = `${idPrefix}-location-${location.id}-error`;
        return (
          <div key={location.id} className="space-y-1">
            <label className="flex items-center gap-3 text-sm">
              <span className="w-40 truncate">{location.name}</span>
              <select
                name={`locationRole-${location.id}`}
                aria-label={`Role in ${location.name}`}
                value={value.locationRoles[location.id] ?? ''}
                disabled={value.agencyRole !== null}
                aria-invalid={invalid(pointer)}
                aria-describedby={invalid(pointer) && errorId}
                onChange={(e) =>
                  onChange({
                    ...value,
                    locationRoles: { ...value.locationRoles, [location.id]: (e.target.value || undefined) as LocationRole | undefined },
                  })
                }
                className={selectClass}
              >
                <option value="">No access</option>
                <option value="ADMIN">{LOCATION_ROLE_LABELS.ADMIN}</option>
                <option value="USER">{LOCATION_ROLE_LABELS.USER}</option>
                <option value="READ_ONLY">{LOCATION_ROLE_LABELS.READ_ONLY}</option>
              </select>
            </label>
            <FieldMessages errors={errors} pointer={pointer} id={errorId} />
          </div>
        );
      })}
      <FieldMessages errors={errors} pointer="/locationRoles" id={`${idPrefix}-locationRoles-error`} />
    </fieldset>
  );
}

/** "Admin of the agency", or "Shop: User, Office: Read-only". */
export function describeRoles(
  agencyRole: AgencyRole | null | undefined,
  locationRoles: Partial<Record<string, LocationRole>> | undefined,
  locations: readonly Location[],
): string {
  if (agencyRole) return `${AGENCY_ROLE_LABELS[agencyRole]} of the agency`;
  const parts = Object.entries(locationRoles ?? {}).flatMap(([id, role]) =>
    role ? [`${locations.find((l) => l.id === id)?.name ?? id}: ${LOCATION_ROLE_LABELS[role]}`] : [],
  );
  return parts.length > 0 ? parts.join(', ') : 'No roles';
}
