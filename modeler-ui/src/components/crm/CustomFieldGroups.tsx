import type { CustomField, CustomValue } from '../../api/types';
import { cardClass } from '../ui';
import { formatCustomValue } from './contactFormat';
import { CustomFieldInput, draftToValue, initialDraft, type CustomDraft } from './CustomFieldInput';
import { InlineField } from './InlineField';

export interface CustomFieldGroupsProps {
  /** The record's custom values by field key. */
  values: Record<string, CustomValue>;
  /** The location's fields of the record's model (contact, company), in position order. */
  fields: readonly CustomField[];
  canEdit: boolean;
  /** Saves one value as a merge patch of the record (`{customFields: {key: value}}`; null clears it). */
  onPatch: (patch: { customFields: Record<string, CustomValue | null> }) => Promise<void>;
}

const UNGROUPED = 'Custom fields';

/** The fields by their group, groups in the order of their first field. */
function byGroup(fields: readonly CustomField[]): [string, CustomField[]][] {
  const groups = new Map<string, CustomField[]>();
  for (const field of fields) {
    const group = field.group?.trim() || UNGROUPED;
    groups.set(group, [...(groups.get(group) ?? []), field]);
  }
  return [...groups];
}

/** A record's custom values, grouped as the location's fields say, each editable in place. */
export function CustomFieldGroups({ values, fields, canEdit, onPatch }: CustomFieldGroupsProps) {
  if (!fields.length) return null;
  return (
    <>
      {byGroup(fields).map(([group, members]) => (
        <section key={group} aria-label={group} data-group={group} className={`${cardClass} space-y-2 p-4`}>
          <h3 className="font-semibold">{group}</h3>
          <dl>
            {members.map((field) => (
              <InlineField<CustomDraft>
                key={field.id}
                name={`customFields.${field.key}`}
                label={field.required ? `${field.name} *` : field.name}
                pointer={`/customFields/${field.key}`}
                display={formatCustomValue(field.type, values[field.key])}
                editable={canEdit}
                initial={() => initialDraft(field, values[field.key])}
                editor={(props) => <CustomFieldInput field={field} {...props} />}
                save={(draft) => onPatch({ customFields: { [field.key]: draftToValue(field, draft) } })}
              />
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}
